"""A small LSP client over the real binary's stdio, shared by the LSP tests.

Not a test module itself: pytest collects it but finds no tests. Messages are
read on a thread so a test can wait for a response or a notification with a
timeout.
"""
import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import binary

# A file with findings (SPK101, SPK102, ...), for the LSP suites.
FLAGGED = (
    "from pyspark.sql import SparkSession\n"
    "spark = SparkSession.builder.getOrCreate()\n"
    "sc = spark.sparkContext\n"
    "rdd = sc.parallelize([1, 2])\n"
)


@pytest.fixture
def client():
    """Starts servers: client(*extra_args) -> LspClient; each is closed after the test."""
    clients = []

    def make(*args):
        c = LspClient(("lsp", *args))
        clients.append(c)
        return c

    yield make
    for c in clients:
        if c.proc.returncode is None:
            c.close()


def pull(c, path, timeout=20.0):
    """A pulled document diagnostic's items."""
    r = c.request("textDocument/diagnostic", {"textDocument": {"uri": path.as_uri()}}, timeout=timeout)
    assert "result" in r, r
    return r["result"]["items"]


def frame(message) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class LspClient:
    def __init__(self, args=("lsp",), cwd=None):
        env = dict(os.environ)
        env.pop("SPARKMIGRATE_DOCS_URL", None)
        self.proc = subprocess.Popen([binary(), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.messages = queue.Queue()
        self.seen = []  # everything received, in order
        self.next_id = 1
        self.server_requests = {}  # method -> handler(params) -> result
        self.arrivals = {}  # response id -> time.perf_counter() when its bytes were all read, before decoding
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            arrival = time.perf_counter()
            message = json.loads(body)
            if "id" in message and "method" not in message:
                self.arrivals[message["id"]] = arrival
            if "method" in message and "id" in message and message["method"] in self.server_requests:
                result = self.server_requests[message["method"]](message.get("params"))
                self.send_raw(frame({"jsonrpc": "2.0", "id": message["id"], "result": result}))
            self.messages.put(message)

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_raw(frame(message))

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return rid

    def wait(self, predicate, timeout=20.0):
        """Returns the first received message (old or new) matching predicate."""
        for m in self.seen:
            if predicate(m):
                self.seen.remove(m)
                return m
        deadline = time.time() + timeout
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise TimeoutError("no matching message; seen: %s" % json.dumps(self.seen)[:2000])
            try:
                m = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if m is None:
                raise EOFError("server closed stdout; stderr: %s" % self.proc.stderr.read().decode()[:2000])
            if predicate(m):
                return m
            self.seen.append(m)

    def response(self, rid, timeout=20.0):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def request(self, method, params=None, timeout=20.0):
        return self.response(self.request_async(method, params), timeout)

    def notification(self, method, predicate=lambda p: True, timeout=20.0):
        return self.wait(lambda m: m.get("method") == method and "id" not in m and predicate(m.get("params")),
                         timeout).get("params")

    def initialize(self, root: Path, capabilities=None, options=None):
        caps = capabilities if capabilities is not None else {}
        params = {"processId": None, "rootUri": root.as_uri(), "capabilities": caps,
                  "workspaceFolders": [{"uri": root.as_uri(), "name": "root"}]}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": path.as_uri(), "languageId": "python", "version": version, "text": text}})

    def close(self, timeout=10):
        try:
            if self.proc.poll() is None:
                self.request("shutdown", timeout=timeout)
                self.notify("exit")
        except (OSError, TimeoutError, EOFError):
            pass
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


PULL_CAPS = {
    "general": {"positionEncodings": ["utf-8", "utf-16"]},
    "textDocument": {"diagnostic": {}, "codeAction": {
        "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}},
        "dataSupport": True, "resolveSupport": {"properties": ["edit"]}}},
    "workspace": {"configuration": True, "applyEdit": True, "diagnostics": {"refreshSupport": True}},
}
