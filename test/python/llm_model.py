"""The real local model for the tests: SmolLM2-135M-Instruct served by scripts/llm_server.py.

Not a test module. Test modules import the session fixture:

    from llm_model import llm_model_server  # noqa: F401 (a pytest fixture)

    def test_x(llm_model_server):
        llm_model_server.base_url   # http://127.0.0.1:N/v1
        llm_model_server.alias      # the model name to send

One server for the whole test session (the model loads in a few seconds and answers at about
30 tokens/s with its one inference thread). Its log goes to a file (`log_path`). The model's
answers are junk for migration; tests assert protocol facts and validator verdicts only.

SmolLM2 often runs on until the request's token limit (sparkmigrate asks for at least 1,024
tokens: 40 s here). `capped_url` is a loopback proxy in front of the server that lowers every
request's token limit to `cap` tokens and passes everything else through unchanged (the reply's
bytes, SSE included), recording the request bodies it forwarded (`forwarded`); tests that need
the model to be slow (cancellation) use `base_url` directly.
"""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import ROOT

ALIAS = "smollm2"
sys.path.insert(0, str(ROOT / "scripts"))
import llm_server  # noqa: E402  (scripts/llm_server.py: starts and stops the server)


@dataclass
class ModelServer:
    base_url: str
    alias: str
    port: int
    log_path: Path
    proc: subprocess.Popen
    capped_url: str = ""
    cap: int = 0
    forwarded: list = field(default_factory=list)

    def get(self, path: str, timeout: float = 5):
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"http://127.0.0.1:{self.port}{path}", timeout=timeout) as r:
            return json.loads(r.read())

    def generating(self) -> bool:
        """Whether the model is processing a request now (llama.cpp's GET /slots)."""
        return any(slot.get("is_processing") for slot in self.get("/slots"))

    def wait_idle(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while self.generating():
            if time.monotonic() > deadline:
                raise TimeoutError("the model server is still generating")
            time.sleep(0.1)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


class _CapHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "token-cap-proxy"
    upstream: int
    cap: int
    forwarded: list

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._forward(None)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if isinstance(body, dict):
            limits = [k for k in ("max_tokens", "max_completion_tokens", "n_predict") if k in body]
            for k in limits:
                body[k] = min(int(body[k]), self.cap)
            if not limits:
                body["max_tokens"] = self.cap
            self.forwarded.append(body)
            raw = json.dumps(body).encode()
        self._forward(raw)

    def _forward(self, raw):
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "content-length", "connection", "transfer-encoding")}
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream, timeout=600)
        try:
            conn.request(self.command, self.path, body=raw, headers=headers)
            resp = conn.getresponse()
            self.send_response(resp.status)
            for k, v in resp.getheaders():
                if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                    self.send_header(k, v)
            self.send_header("Connection", "close")  # the body ends when the connection does
            self.end_headers()
            while True:
                chunk = resp.read1(65536)
                if not chunk:
                    break
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:
            pass  # either side went away: close both
        finally:
            conn.close()
            self.close_connection = True


def start_cap_proxy(upstream_port: int, cap: int, forwarded: list) -> ThreadingHTTPServer:
    handler = type("CapHandler", (_CapHandler,), {"upstream": upstream_port, "cap": cap, "forwarded": forwarded})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return httpd


def start_model_server(log_path: Path, model: str = "smollm2", alias: str = ALIAS,
                       ready_timeout: float = 180) -> ModelServer:
    """Starts scripts/llm_server.py (with this venv's Python) and waits until it is ready."""
    proc, port, url = llm_server.launch(model, alias, log_path, ready_timeout)
    return ModelServer(url, alias, port, log_path, proc)


def stop_model_server(proc: subprocess.Popen) -> None:
    llm_server.stop_child(proc)


CAP = 192  # tokens: room for a small function rewrite, and at most about 8 s of SmolLM2


@pytest.fixture(scope="session")
def llm_model_server(tmp_path_factory):
    """SmolLM2 behind llama.cpp's server on 127.0.0.1, once per session."""
    log_path = tmp_path_factory.mktemp("llm_model") / "server.log"
    try:
        server = start_model_server(log_path)
    except RuntimeError as e:
        pytest.fail(str(e))
    proxy = start_cap_proxy(server.port, CAP, server.forwarded)
    server.capped_url = f"http://127.0.0.1:{proxy.server_address[1]}/v1"
    server.cap = CAP
    try:
        yield server
    finally:
        proxy.shutdown()
        proxy.server_close()
        stop_model_server(server.proc)
