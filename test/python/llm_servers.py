"""Scripted loopback model servers for the `fix --llm` and language-server tests.

Not a test module. Each server speaks one wire format on 127.0.0.1 (a free port), runs in a
thread and is used as a context manager:

    with ScriptedServer("openai", Reply('{"code": "..."}')) as server:
        run("fix", "--llm", *server.cli_args(), path)
        assert server.requests[0].body["model"] == "test-model"

Formats and base URLs (what `--llm-base-url` gets):
    openai     POST /v1/chat/completions   http://127.0.0.1:PORT/v1
    anthropic  POST /v1/messages           http://127.0.0.1:PORT/v1
    ollama     POST /api/chat              http://127.0.0.1:PORT

The server holds a queue of scripted behaviours, one consumed per POST to its route (the last
one repeats), and records every request, whatever its method or path (so a client pointed at it
as a proxy is seen too), with path, headers and parsed JSON body, in `requests`.
Behaviours: Reply (assistant text, plain JSON or streamed when the request asks for it: SSE
for openai and anthropic, NDJSON for ollama), Status (a status code with headers and body),
Delay (wait, then behave), Stall (headers and the first stream event, then silence until the
client leaves), Truncated (some stream deltas, then the connection closes without the end
marker), Malformed (a broken JSON body with status 200) and Huge (a reply of many MiB).
"""
from __future__ import annotations

import json
import select
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Union

FORMATS = ("openai", "anthropic", "ollama")
PATHS = {"openai": "/v1/chat/completions", "anthropic": "/v1/messages", "ollama": "/api/chat"}
MODEL = "test-model"


# --- behaviours -------------------------------------------------------------------------------

@dataclass
class Reply:
    """The assistant answers `text` (plain or streamed, as the request asks)."""
    text: str


@dataclass
class Status:
    """An HTTP status with headers and a body (default: the format's error JSON)."""
    code: int
    headers: dict = field(default_factory=dict)
    body: str | None = None


@dataclass
class Delay:
    """Waits `seconds` (or until the client leaves), then behaves as `then`."""
    seconds: float
    then: "Behaviour" = field(default_factory=lambda: Reply('{"code": ""}'))


@dataclass
class Stall:
    """Sends the status line, headers and the first stream event, then nothing until the client
    gives up (or the server stops)."""
    text: str = "def "


@dataclass
class Truncated:
    """Streams `text` in a few deltas, then closes the connection without the stream's end
    marker ([DONE] / message_stop / done:true). framing "chunked" also leaves the chunked
    transfer encoding unfinished (a transport error for the client); "close" ends a response
    delimited by the connection's close cleanly, so only the missing end marker tells."""
    text: str
    framing: str = "close"


@dataclass
class Malformed:
    """Status 200 with a body that is not JSON."""
    body: str = '{"id": "x", "choices": [{"message": {"content": "def f(:'


@dataclass
class Huge:
    """A valid reply whose assistant text has `size` bytes (a Python comment, repeated)."""
    size: int = 6 << 20


Behaviour = Union[Reply, Status, Delay, Stall, Truncated, Malformed, Huge, str,
                  Callable[["Recorded"], "Behaviour"]]


def answer(code: str, imports=None) -> Reply:
    """The JSON answer the contract asks the model for."""
    body = {"code": code}
    if imports is not None:
        body["imports"] = imports
    return Reply(json.dumps(body))


# --- recorded requests -------------------------------------------------------------------------

@dataclass
class Recorded:
    method: str
    path: str
    headers: dict  # lower-case names
    raw: bytes
    body: object  # parsed JSON, or None
    at: float = field(default_factory=time.monotonic)
    # Set when the server saw the client close the connection while it was waiting (Delay,
    # Stall): a cancelled or timed-out client really stopped its request.
    gone: threading.Event = field(default_factory=threading.Event)

    def wants_stream(self, fmt: str) -> bool:
        body = self.body if isinstance(self.body, dict) else {}
        if fmt == "ollama":
            return body.get("stream", True) is not False  # Ollama streams by default
        return body.get("stream") is True


def messages(fmt: str, body) -> list[tuple[str, str]]:
    """(role, text) of every message of a request body, the system prompt first."""
    out = []
    if not isinstance(body, dict):
        return out
    if fmt == "anthropic" and body.get("system"):
        out.append(("system", _text(body["system"])))
    for m in body.get("messages", []):
        out.append((m.get("role", ""), _text(m.get("content", ""))))
    return out


def prompt_text(fmt: str, body) -> str:
    return "\n".join(text for _, text in messages(fmt, body))


def _text(content) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return json.dumps(content)


# --- the server ---------------------------------------------------------------------------------

class ScriptedServer:
    def __init__(self, fmt: str, *script: Behaviour, model: str = MODEL):
        if fmt not in FORMATS:
            raise ValueError(fmt)
        self.fmt = fmt
        self.model = model
        self.requests: list[Recorded] = []
        self._script: list = []
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._httpd = None
        self._thread = None
        self.script(*script)

    # configuration
    def script(self, *behaviours: Behaviour) -> "ScriptedServer":
        """Replaces the queue of behaviours and forgets the recorded requests."""
        with self._lock:
            self._script = list(behaviours) or [Reply("")]
            self.requests = []
        return self

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        root = f"http://127.0.0.1:{self.port}"
        return root if self.fmt == "ollama" else root + "/v1"

    def cli_args(self, *, timeout: float = 3, max_attempts: int | None = None,
                 stream: bool | None = None, repairs: int | None = None) -> list[str]:
        args = ["--llm-backend", self.fmt, "--llm-base-url", self.base_url, "--llm-model", self.model,
                "--llm-timeout", str(timeout)]
        if max_attempts is not None:
            args += ["--llm-max-attempts", str(max_attempts)]
        if stream is not None:
            args.append("--llm-stream" if stream else "--llm-no-stream")
        if repairs is not None:
            args += ["--llm-repairs", str(repairs)]
        return args

    def settings(self, **extra) -> dict:
        """The language server's `llm` setting for this server."""
        s = {"backend": self.fmt, "baseUrl": self.base_url, "model": self.model, "timeout": 3}
        s.update(extra)
        return s

    def wait_requests(self, n: int, timeout: float = 10) -> list[Recorded]:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.requests) < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(self.requests)} of {n} requests arrived")
                self._arrived.wait(left)
            return list(self.requests)

    # lifecycle
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(5)

    # used by the handler
    def _record(self, rec: Recorded) -> None:
        with self._arrived:
            self.requests.append(rec)
            self._arrived.notify_all()

    def _next(self, rec: Recorded) -> Behaviour:
        with self._arrived:
            self.requests.append(rec)
            self._arrived.notify_all()
            behaviour = self._script.pop(0) if len(self._script) > 1 else self._script[0]
        while callable(behaviour) and not isinstance(behaviour, type):
            behaviour = behaviour(rec)
        return Reply(behaviour) if isinstance(behaviour, str) else behaviour


class _Disconnected(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    owner: ScriptedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    # --- plumbing ---
    def _other(self):
        """Any other method (GET, CONNECT from a client using this server as its proxy, ...):
        recorded, answered 404 (or the model list for GET .../models)."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        self.owner._record(Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                                    raw, None))
        if self.command == "GET" and self.path.rstrip("/").endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": self.owner.model, "object": "model"}]})
        else:
            self._json(404, {"error": {"message": "not found"}})
            self.close_connection = True

    do_GET = do_PUT = do_DELETE = do_HEAD = do_CONNECT = do_OPTIONS = do_PATCH = _other

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        rec = Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, raw, body)
        fmt = self.owner.fmt
        if self.path.split("?")[0] != PATHS[fmt]:
            self.owner._record(rec)
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        behaviour = self.owner._next(rec)
        try:
            self._behave(behaviour, rec)
        except (_Disconnected, BrokenPipeError, ConnectionResetError):
            rec.gone.set()
            self.close_connection = True

    def _behave(self, b, rec: Recorded):
        fmt = self.owner.fmt
        if isinstance(b, Delay):
            if self._wait_gone(b.seconds):
                rec.gone.set()
                self.close_connection = True
                return
            return self._behave(b.then, rec)
        if isinstance(b, Status):
            body = b.body if b.body is not None else json.dumps(_error_body(fmt, b.code))
            self._send(b.code, body.encode(), b.headers)
            return
        if isinstance(b, Malformed):
            self._send(200, b.body.encode())
            return
        if isinstance(b, Huge):
            line = "# " + "x" * 77 + "\n"
            b = Reply(line * (b.size // len(line) + 1))
        if isinstance(b, Reply):
            if rec.wants_stream(fmt):
                self._stream(_events(fmt, b.text, rec, self.owner.model), framing="chunked")
            else:
                self._json(200, _plain(fmt, b.text, rec, self.owner.model))
            return
        if isinstance(b, Truncated):
            events = _events(fmt, b.text, rec, self.owner.model)
            self._stream(events[:-_tail(fmt)], framing=b.framing, end="cut")
            self.close_connection = True
            return
        if isinstance(b, Stall):
            events = _events(fmt, b.text, rec, self.owner.model)
            self._stream(events[:1], framing="chunked", end="hold")
            if self._wait_gone(3600):
                rec.gone.set()
            self.close_connection = True
            return
        raise TypeError(f"unknown behaviour {b!r}")

    def _wait_gone(self, seconds: float) -> bool:
        """Sleeps up to `seconds`; True as soon as the client closed the connection."""
        deadline = time.monotonic() + seconds
        conn = self.connection
        while not self.owner._stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([conn], [], [], min(left, 0.05))
            if ready:
                try:
                    data = conn.recv(1, socket.MSG_PEEK)
                except OSError:
                    return True
                if not data:
                    return True
                time.sleep(min(left, 0.05))  # pipelined bytes: not a close
        return True

    def _send(self, code: int, body: bytes, headers=None, content_type="application/json"):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def _json(self, code: int, obj):
        self._send(code, json.dumps(obj).encode())

    def _stream(self, events: list[bytes], framing: str, end: str = "finish"):
        """Sends events; end: "finish" (complete the response), "cut" (stop sending: the
        connection closes after this), "hold" (keep the connection open, send nothing more)."""
        fmt = self.owner.fmt
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson" if fmt == "ollama" else "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        if framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        for e in events:
            if framing == "chunked":
                self.wfile.write(b"%x\r\n%s\r\n" % (len(e), e))
            else:
                self.wfile.write(e)
            self.wfile.flush()
        if framing == "chunked" and end == "finish":
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        if end == "cut":
            try:
                self.connection.shutdown(socket.SHUT_WR)
            except OSError:
                pass


# --- wire formats -----------------------------------------------------------------------------

def _error_body(fmt: str, code: int):
    if fmt == "anthropic":
        kind = {429: "rate_limit_error", 401: "authentication_error", 529: "overloaded_error"}.get(code, "api_error")
        return {"type": "error", "error": {"type": kind, "message": f"scripted {code}"}}
    if fmt == "ollama":
        return {"error": f"scripted {code}"}
    return {"error": {"message": f"scripted {code}", "type": "server_error", "code": code}}


def _tool(rec: Recorded):
    """For anthropic: the forced tool's name when the request has tools with tool_choice."""
    body = rec.body if isinstance(rec.body, dict) else {}
    tools, choice = body.get("tools"), body.get("tool_choice")
    if not tools or not choice:
        return None
    name = choice.get("name") if isinstance(choice, dict) else None
    return name or tools[0].get("name")


def _parsed(text: str):
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _pieces(text: str, n: int = 4) -> list[str]:
    """Splits text into deltas: a few pieces, at most 64 KiB each."""
    if not text:
        return [""]
    size = max(1, min(64 << 10, -(-len(text) // n)))
    return [text[i:i + size] for i in range(0, len(text), size)]


def _plain(fmt: str, text: str, rec: Recorded, model: str):
    if fmt == "openai":
        return {"id": "chatcmpl-scripted", "object": "chat.completion", "created": 0, "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text, "refusal": None},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}
    if fmt == "anthropic":
        tool, parsed = _tool(rec), _parsed(text)
        if tool and parsed is not None:
            content, stop = [{"type": "tool_use", "id": "toolu_scripted", "name": tool, "input": parsed}], "tool_use"
        else:
            content, stop = [{"type": "text", "text": text}], "end_turn"
        return {"id": "msg_scripted", "type": "message", "role": "assistant", "model": model, "content": content,
                "stop_reason": stop, "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 10}}
    return {"model": model, "created_at": "2026-01-01T00:00:00Z", "message": {"role": "assistant", "content": text},
            "done": True, "done_reason": "stop", "prompt_eval_count": 10, "eval_count": 10}


def _sse(data, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    payload = data if isinstance(data, str) else json.dumps(data)
    return f"{head}data: {payload}\n\n".encode()


def _tail(fmt: str) -> int:
    """How many of _events' last events make the stream's end (cut by Truncated)."""
    return {"openai": 2, "anthropic": 3, "ollama": 1}[fmt]


def _events(fmt: str, text: str, rec: Recorded, model: str) -> list[bytes]:
    """The whole stream for a reply: the first event opens it, the last _tail(fmt) close it."""
    if fmt == "openai":
        def chunk(delta, finish=None):
            return _sse({"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": 0, "model": model,
                         "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
        events = [chunk({"role": "assistant", "content": None})]
        events += [chunk({"content": p}) for p in _pieces(text)]
        events += [chunk({}, "stop"), _sse("[DONE]")]
        return events
    if fmt == "anthropic":
        tool, parsed = _tool(rec), _parsed(text)
        events = [_sse({"type": "message_start", "message": {
            "id": "msg_scripted", "type": "message", "role": "assistant", "model": model, "content": [],
            "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 1}}},
            "message_start")]
        if tool and parsed is not None:
            events.append(_sse({"type": "content_block_start", "index": 0, "content_block": {
                "type": "tool_use", "id": "toolu_scripted", "name": tool, "input": {}}}, "content_block_start"))
            events.append(_sse({"type": "ping"}, "ping"))
            events += [_sse({"type": "content_block_delta", "index": 0,
                             "delta": {"type": "input_json_delta", "partial_json": p}}, "content_block_delta")
                       for p in _pieces(json.dumps(parsed))]
            stop = "tool_use"
        else:
            events.append(_sse({"type": "content_block_start", "index": 0,
                                "content_block": {"type": "text", "text": ""}}, "content_block_start"))
            events.append(_sse({"type": "ping"}, "ping"))
            events += [_sse({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": p}},
                            "content_block_delta") for p in _pieces(text)]
            stop = "end_turn"
        events += [_sse({"type": "content_block_stop", "index": 0}, "content_block_stop"),
                   _sse({"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
                         "usage": {"output_tokens": 10}}, "message_delta"),
                   _sse({"type": "message_stop"}, "message_stop")]
        # _tail: content_block_stop, message_delta, message_stop
        return events

    def line(obj):
        return (json.dumps(obj) + "\n").encode()

    base = {"model": model, "created_at": "2026-01-01T00:00:00Z"}
    events = [line({**base, "message": {"role": "assistant", "content": ""}, "done": False})]
    events += [line({**base, "message": {"role": "assistant", "content": p}, "done": False}) for p in _pieces(text)]
    events.append(line({**base, "message": {"role": "assistant", "content": ""}, "done": True,
                        "done_reason": "stop", "prompt_eval_count": 10, "eval_count": 10}))
    return events
