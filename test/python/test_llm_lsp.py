"""The language server's model-backed action ("Migrate to Spark Connect with <model>") against
scripted loopback model servers (llm_servers.py): offered only with a configured backend,
resolved lazily into a validated edit with work-done progress, a command for clients without
codeAction/resolve, rejected answers and backend errors reported with window/showMessage and
no edit, $/cancelRequest stopping the model request promptly, settings from
workspace/configuration, and the API key kept out of the server's log.
"""
import copy
import threading
import time

import pytest

from llm_servers import Delay, ScriptedServer, Status, answer
from test_llm_faults import FIXED, GOOD, JOB, KEEPS_FINDING, LOOPBACK
from test_lsp_client import PULL_CAPS, LspClient

TITLE = "Migrate to Spark Connect with test-model"
COMMAND = "sparkmigrate.migrateWithLlm"
FINDING_RANGE = {"start": {"line": 8, "character": 11}, "end": {"line": 8, "character": 11}}  # SPK305 at 9:12

RESOLVE_CAPS = copy.deepcopy(PULL_CAPS)
RESOLVE_CAPS["window"] = {"workDoneProgress": True, "showMessage": {}}
# A client that has no codeAction/resolve (and no data support): it gets a command.
COMMAND_CAPS = copy.deepcopy(RESOLVE_CAPS)
COMMAND_CAPS["textDocument"]["codeAction"] = {
    "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}}


@pytest.fixture(scope="module")
def server():
    with ScriptedServer("openai") as s:
        yield s


@pytest.fixture
def model(server):
    return server.script()


@pytest.fixture
def lsp(monkeypatch, tmp_path):
    """lsp(*args, env=None) starts `sparkmigrate lsp ARGS` with its own answer cache; the
    server's stderr is collected in client.stderr (a list of bytes chunks)."""
    clients = []

    def make(*args, env=None):
        for name, value in {"SPARKMIGRATE_CACHE_DIR": str(tmp_path / "cache"), **LOOPBACK, **(env or {})}.items():
            monkeypatch.setenv(name, value)
        c = LspClient(("lsp", *args))
        c.stderr = []

        def drain():
            for chunk in iter(lambda: c.proc.stderr.read1(65536), b""):
                c.stderr.append(chunk)

        c.stderr_reader = threading.Thread(target=drain, daemon=True)
        c.stderr_reader.start()
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


def open_job(c, tmp_path, server=None, caps=RESOLVE_CAPS, **llm):
    options = {"settings": {"llm": server.settings(**llm)}} if server is not None else None
    c.initialize(tmp_path, caps, options)
    path = tmp_path / "job.py"
    path.write_text(JOB, encoding="utf-8")
    c.open(path, JOB)
    return path


def actions(c, path, rng=FINDING_RANGE):
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": path.as_uri()}, "range": rng,
                                              "context": {"diagnostics": []}})
    assert "result" in r, r
    return r["result"] or []


def migrate_action(c, path):
    found = [a for a in actions(c, path) if a.get("title", "").startswith("Migrate to Spark Connect with")]
    assert len(found) == 1, [a.get("title") for a in actions(c, path)]
    return found[0]


def edits_for(workspace_edit, path):
    uri = path.as_uri()
    if "documentChanges" in workspace_edit:
        return [e for change in workspace_edit["documentChanges"] if change["textDocument"]["uri"] == uri
                for e in change["edits"]]
    return workspace_edit["changes"][uri]


def apply_lsp_edits(text, edits):
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(pos):  # ASCII text: UTF-16 units are characters
        return starts[pos["line"]] + pos["character"]

    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                    reverse=True):
        text = text[:offset(e["range"]["start"])] + e["newText"] + text[offset(e["range"]["end"]):]
    return text


def log_text(c):
    c.stderr_reader.join(5)  # after close: everything the server wrote
    return b"".join(c.stderr).decode(errors="replace")


# --- offered or not ---------------------------------------------------------------------------

def test_no_action_without_a_backend(lsp, tmp_path, model):
    c = lsp()
    path = open_job(c, tmp_path)
    titles = [a.get("title", "") for a in actions(c, path)]
    assert titles and not any(t.startswith("Migrate to Spark Connect") for t in titles), titles
    assert model.requests == []


def test_action_is_offered_then_resolved_with_progress(lsp, tmp_path, model):
    model.script(answer(GOOD))
    c = lsp()
    created = []
    c.server_requests["window/workDoneProgress/create"] = lambda params: created.append(params) or None
    path = open_job(c, tmp_path, model)
    action = migrate_action(c, path)
    assert action["title"] == TITLE and action["kind"] == "quickfix"
    assert "edit" not in action and "data" in action
    assert model.requests == []  # nothing asked before the user picks the action
    resolved = c.request("codeAction/resolve", action, timeout=15)["result"]
    assert apply_lsp_edits(JOB, edits_for(resolved["edit"], path)) == FIXED
    assert len(model.requests) == 1
    # Work-done progress: created by the server, then begin ... end on that token.
    assert len(created) == 1
    token = created[0]["token"]
    kinds = []
    while not kinds or kinds[-1] != "end":
        p = c.notification("$/progress", lambda p: p.get("token") == token, timeout=5)
        kinds.append(p["value"]["kind"])
    assert kinds[0] == "begin" and set(kinds[1:-1]) <= {"report"}, kinds


def test_command_for_clients_without_resolve(lsp, tmp_path, model):
    model.script(answer(GOOD))
    c = lsp()
    applied = []
    c.server_requests["workspace/applyEdit"] = lambda params: applied.append(params) or {"applied": True}
    path = tmp_path / "job.py"
    path.write_text(JOB, encoding="utf-8")
    init = c.initialize(tmp_path, COMMAND_CAPS, {"settings": {"llm": model.settings()}})
    c.open(path, JOB)
    assert COMMAND in init["result"]["capabilities"]["executeCommandProvider"]["commands"]
    action = migrate_action(c, path)
    assert action["title"] == TITLE and "edit" not in action
    command = action["command"]
    assert command["command"] == COMMAND and len(command["arguments"]) == 1
    r = c.request("workspace/executeCommand", {"command": COMMAND, "arguments": command["arguments"]}, timeout=15)
    assert "error" not in r, r
    c.wait(lambda m: m.get("method") == "workspace/applyEdit", timeout=10)
    assert len(applied) == 1
    assert apply_lsp_edits(JOB, edits_for(applied[0]["edit"], path)) == FIXED


def test_settings_from_workspace_configuration(lsp, tmp_path, model):
    c = lsp()
    path = open_job(c, tmp_path)
    assert not [a for a in actions(c, path) if a.get("title") == TITLE]
    c.server_requests["workspace/configuration"] = lambda params: [{"llm": model.settings()}] * len(params["items"])
    c.notify("workspace/didChangeConfiguration", {"settings": {}})
    deadline = time.monotonic() + 10
    while not [a for a in actions(c, path) if a.get("title") == TITLE]:
        assert time.monotonic() < deadline, "the action never appeared after the configuration change"
        time.sleep(0.1)


# --- failures ------------------------------------------------------------------------------------

def test_rejected_answer_gives_no_edit_and_a_message(lsp, tmp_path, model):
    model.script(answer(KEEPS_FINDING))
    c = lsp()
    path = open_job(c, tmp_path, model, repairs=0)
    resolved = c.request("codeAction/resolve", migrate_action(c, path), timeout=15)
    assert "result" in resolved, resolved
    assert "edit" not in resolved["result"]
    msg = c.notification("window/showMessage", timeout=5)
    assert "SPK305" in msg["message"] or "finding" in msg["message"].lower(), msg
    assert len(model.requests) == 1


def test_backend_error_gives_no_edit_and_a_message(lsp, tmp_path, model):
    model.script(Status(500))
    c = lsp()
    path = open_job(c, tmp_path, model, maxAttempts=1)
    resolved = c.request("codeAction/resolve", migrate_action(c, path), timeout=15)
    assert "result" in resolved and "edit" not in resolved["result"], resolved
    msg = c.notification("window/showMessage", timeout=5)
    assert "500" in msg["message"], msg
    assert c.proc.poll() is None


def test_cancel_stops_the_model_request(lsp, tmp_path, model):
    model.script(Delay(60, answer(GOOD)), answer(GOOD))
    c = lsp()
    c.server_requests["window/workDoneProgress/create"] = lambda params: None
    path = open_job(c, tmp_path, model, timeout=120)
    action = migrate_action(c, path)
    rid = c.request_async("codeAction/resolve", action)
    model.wait_requests(1, timeout=10)
    cancelled_at = time.monotonic()
    c.notify("$/cancelRequest", {"id": rid})
    r = c.response(rid, timeout=5)
    assert time.monotonic() - cancelled_at < 2.0
    assert r.get("error", {}).get("code") == -32800, r
    assert model.requests[0].gone.wait(2), "the HTTP request to the model was not stopped"
    # The server goes on: the same action now resolves.
    resolved = c.request("codeAction/resolve", migrate_action(c, path), timeout=15)["result"]
    assert apply_lsp_edits(JOB, edits_for(resolved["edit"], path)) == FIXED


# --- the API key ----------------------------------------------------------------------------------

KEY = "sk-lsp-test-6b2e9f1c0a8d4e7b3c5a9f2e1d0c8b7a"


@pytest.mark.parametrize("how", ["apiKeyEnv", "apiKey"])
def test_api_key_reaches_the_header_and_never_the_log(lsp, tmp_path, model, how):
    model.script(Status(401), answer(GOOD))
    settings = {"apiKeyEnv": "SPARKMIGRATE_TEST_LLM_KEY"} if how == "apiKeyEnv" else {"apiKey": KEY}
    c = lsp("--log-level", "debug", env={"SPARKMIGRATE_TEST_LLM_KEY": KEY})
    path = open_job(c, tmp_path, model, maxAttempts=1, **settings)
    # A failure (401: its message goes to the client and the log) and then a success.
    first = c.request("codeAction/resolve", migrate_action(c, path), timeout=15)
    assert "edit" not in first["result"]
    msg = c.notification("window/showMessage", timeout=5)
    second = c.request("codeAction/resolve", migrate_action(c, path), timeout=15)
    assert "edit" in second["result"], second
    assert [r.headers.get("authorization") for r in model.requests] == ["Bearer " + KEY] * 2
    assert c.close() == 0
    log = log_text(c)
    assert log.strip(), "debug logging produced nothing: was --log-level honoured?"
    for text in (log, repr(msg), repr(first), repr(second), repr(c.seen)):
        assert KEY not in text and KEY[7:23] not in text
