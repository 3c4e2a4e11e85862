"""The whole model-backed path with a real model: SmolLM2-135M-Instruct behind llama.cpp's own
server (scripts/llm_server.py, one server for the session: llm_model.py), through the CLI over
Chat Completions (plain and streamed, with the answer's JSON schema that llama.cpp enforces)
and Anthropic Messages on the same server, and through the language server (resolve with
progress; cancel while the model is generating).

SmolLM2's answers are junk for migration, so nothing here depends on what it writes: only
protocol facts and the validator's verdicts. Requests go through llm_model's token-cap proxy
(SmolLM2 tends to run on to the token limit), except the cancellation test, which needs the
model busy. Every suggestion is validated or rejected with a
known reason kind after 1 to repairs+1 asks; a validated one really removes the finding (checked
with `sparkmigrate check` on the applied file); a rejected one leaves the file byte-identical
after --apply.
"""
import copy
import json
import time

import pytest

from llm_model import llm_model_server  # noqa: F401 (the session fixture)
from test_llm_faults import FINDING, JOB, LOOPBACK, REASON_KINDS, suggestions
from test_llm_lsp import FINDING_RANGE, apply_lsp_edits, edits_for
from test_lsp_client import PULL_CAPS, LspClient

REPAIRS = 1
TIMEOUT = 120  # seconds per model request; an answer takes a few seconds to about 40


def findings(run, path, cwd):
    return run("check", "--output-format", "json", "--exit-zero", path, cwd=cwd).json()


@pytest.mark.parametrize("backend,stream", [("openai", False), ("openai", True), ("anthropic", True)],
                         ids=["chat-completions-plain", "chat-completions-stream", "anthropic-messages"])
def test_cli(run, tmp_path, llm_model_server, backend, stream):
    server = llm_model_server
    server.wait_idle()
    path = tmp_path / "job.py"
    path.write_text(JOB, encoding="utf-8")
    server.forwarded.clear()
    r = run("fix", "--llm", "--llm-backend", backend, "--llm-base-url", server.capped_url,
            "--llm-model", server.alias, "--llm-timeout", TIMEOUT, "--llm-repairs", REPAIRS,
            "--llm-stream" if stream else "--llm-no-stream", "--apply", "--output-format", "json", "job.py",
            cwd=tmp_path, env={"SPARKMIGRATE_CACHE_DIR": str(tmp_path / "cache"), **LOOPBACK})
    assert r.code in (0, 1), r.err
    # The answer's schema went to the server (llama.cpp enforces response_format json_schema).
    assert server.forwarded
    for body in server.forwarded:
        assert body["model"] == server.alias and body.get("stream", False) is stream
        if backend == "openai":
            assert body["response_format"]["type"] == "json_schema"
        else:
            assert body["tools"] and body["tool_choice"]
    (s,) = suggestions(r)  # checks the shape of every suggestion
    code, row, col = FINDING
    assert (s["code"], s["location"]["row"], s["location"]["column"]) == (code, row, col)
    assert s["model"] == server.alias
    assert 1 <= s["attempts"] <= REPAIRS + 1 and s["attempts"] == len(server.forwarded), s
    # The wire worked: whatever the model wrote, it was an answer, not a transport failure.
    assert s["reason_kind"] != "backend-error", s
    if s["status"] == "validated":
        assert r.code == 0
        after = findings(run, path, tmp_path)
        assert (code, row) not in [(d["code"], d["location"]["row"]) for d in after]
        assert not any(d["code"] == code for d in after), after
    else:
        assert r.code == 1 and s["reason_kind"] in REASON_KINDS
        assert path.read_bytes() == JOB.encode()


# --- the language server -------------------------------------------------------------------------

CAPS = copy.deepcopy(PULL_CAPS)
CAPS["window"] = {"workDoneProgress": True}


@pytest.fixture
def lsp_client(monkeypatch, tmp_path, llm_model_server):
    """lsp_client(url) starts a language server whose model is SmolLM2 at `url`, with job.py
    open; returns (client, path)."""
    monkeypatch.setenv("SPARKMIGRATE_CACHE_DIR", str(tmp_path / "cache"))
    for name, value in LOOPBACK.items():
        monkeypatch.setenv(name, value)
    clients = []

    def make(url):
        llm_model_server.wait_idle()
        c = LspClient(("lsp",))
        clients.append(c)
        c.server_requests["window/workDoneProgress/create"] = lambda params: None
        settings = {"backend": "openai", "baseUrl": url, "model": llm_model_server.alias,
                    "timeout": TIMEOUT, "repairs": REPAIRS}
        c.initialize(tmp_path, CAPS, {"settings": {"llm": settings}})
        path = tmp_path / "job.py"
        path.write_text(JOB, encoding="utf-8")
        c.open(path, JOB)
        return c, path

    yield make
    for c in clients:
        c.close()


def migrate_action(c, path):
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": path.as_uri()}, "range": FINDING_RANGE,
                                              "context": {"diagnostics": []}})
    found = [a for a in r["result"] if a["title"] == "Migrate to Spark Connect with smollm2"]
    assert len(found) == 1, [a["title"] for a in r["result"]]
    return found[0]


def test_lsp_resolve_with_progress(lsp_client, llm_model_server, run, tmp_path):
    c, path = lsp_client(llm_model_server.capped_url)
    resolved = c.request("codeAction/resolve", migrate_action(c, path), timeout=(REPAIRS + 1) * TIMEOUT)
    assert "result" in resolved, resolved
    create = c.wait(lambda m: m.get("method") == "window/workDoneProgress/create", timeout=1)
    token = create["params"]["token"]
    kinds = []
    while not kinds or kinds[-1] != "end":
        kinds.append(c.notification("$/progress", lambda p: p.get("token") == token, timeout=5)["value"]["kind"])
    assert kinds[0] == "begin" and set(kinds[1:-1]) <= {"report"}, kinds
    if "edit" in resolved["result"]:
        fixed = apply_lsp_edits(JOB, edits_for(resolved["result"]["edit"], path))
        path.write_text(fixed, encoding="utf-8")
        assert not any(d["code"] == FINDING[0] for d in findings(run, path, tmp_path))
    else:
        assert c.notification("window/showMessage", timeout=5)["message"].strip()


def test_lsp_cancel_while_the_model_is_generating(lsp_client, llm_model_server):
    c, path = lsp_client(llm_model_server.base_url)  # straight to the server: the model must be busy
    rid = c.request_async("codeAction/resolve", migrate_action(c, path))
    deadline = time.monotonic() + 60
    while not llm_model_server.generating():
        assert time.monotonic() < deadline, "the model never started on the request"
        time.sleep(0.05)
    sent = time.monotonic()
    c.notify("$/cancelRequest", {"id": rid})
    r = c.response(rid, timeout=10)
    assert time.monotonic() - sent < 2.0, "the cancelled resolve was not answered promptly"
    assert r.get("error", {}).get("code") == -32800, json.dumps(r)[:500]
    # The HTTP request was stopped: llama.cpp stops generating when its client hangs up.
    stopped = time.monotonic() + 5
    while llm_model_server.generating():
        assert time.monotonic() < stopped, "the model is still generating for a cancelled request"
        time.sleep(0.05)
