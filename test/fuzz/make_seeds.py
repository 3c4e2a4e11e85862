#!/usr/bin/env python3
"""Writes the seed corpora of the fuzzers from the repository's test data.

    make_seeds.py OUT_DIR      -> OUT_DIR/{framing,server,analysis}/seed-*

analysis: every rule fixture (test/rules/*.py, goldens included) and every
example (examples/**/*.py). server: the LSP transcripts (test/lsp/*.jsonrpc)
and, for each rule fixture, a generated session (push and pull clients
alternately) that opens it, asks for diagnostics, code actions, hover and
fix-all, edits it and shuts down. framing: each transcript message framed
with Content-Length (plus a whole transcript in both framings) and a few
hand-written header shapes. Files over MAX_SEED bytes are left out (the
deep-nesting fixture SPK099.py is 88 KB and takes over 30 s per run of the
analysis harness under ASan: a timeout at the first step, no fuzzing);
deep nesting has its own regression tests. Standard library only;
deterministic output.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_SEED = 16384


def transcript_messages(path):
    """The JSON bodies of a `---`-delimited transcript (comments dropped)."""
    messages, body = [], []
    for line in path.read_text().splitlines() + ["---"]:
        if line.startswith("---"):
            text = "\n".join(body).strip()
            if text:
                messages.append(text)
            body = []
        elif not line.strip().startswith("//"):
            body.append(line)
    return messages


def delimited(messages):
    return "".join(m + "\n---\n" for m in messages)


def content_length(messages):
    out = b""
    for m in messages:
        body = m.encode()
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out


def session(name, text, pull):
    uri = f"file:///sparkmigrate-fuzz/{name}"
    caps = {"workspace": {"applyEdit": True}}
    if pull:
        caps["textDocument"] = {"diagnostic": {}, "codeAction": {"codeActionLiteralSupport": {}, "resolveSupport": {"properties": ["edit"]}}}
    command = "sparkmigrate.applyFixAll" if pull else "sparkmigrate.migrateFile"
    lines = text.split("\n")
    last = max(len(lines) - 1, 0)
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": caps, "initializationOptions": {"settings": {"targetVersion": "3.4"}}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": last, "character": 0}}, "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri}, "position": {"line": min(2, last), "character": 4}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "sc = spark.sparkContext\n"}]}},
        {"jsonrpc": "2.0", "id": 5, "method": "workspace/executeCommand", "params": {"command": command, "arguments": [uri]}},
        {"jsonrpc": "2.0", "id": 6, "method": "shutdown"},
    ]
    return delimited(json.dumps(m) for m in msgs)


HAND_WRITTEN_FRAMES = [
    b"Content-Length: 2\r\n\r\n{}",
    b"content-length: 52\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n"
    b'{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}',
    b"Content-Length: 99999999999\r\n\r\n{",
    b"Content-Length: -1\r\n\r\nContent-Length: 5\r\n\r\n[1,2]",
    b'Content-Length: 40\r\n\r\n{"jsonrpc":"2.0","id":[1],"result":null}',
    b'Content-Length: 75\r\n\r\n{"jsonrpc":"2.0","method":"x","params":{"line":1e300,"character":-1}}    ',
]


def write(directory, name, data):
    directory.mkdir(parents=True, exist_ok=True)
    if len(data) > MAX_SEED:
        return
    (directory / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def main():
    out = Path(sys.argv[1])
    fixtures = sorted((ROOT / "test" / "rules").glob("*.py"))
    examples = sorted((ROOT / "examples").rglob("*.py"))
    transcripts = sorted((ROOT / "test" / "lsp").glob("*.jsonrpc"))

    for path in fixtures + examples:
        write(out / "analysis", f"seed-{path.parent.name}-{path.name}", path.read_bytes())

    for path in transcripts:
        write(out / "server", f"seed-{path.stem}.jsonrpc", path.read_bytes())
    for i, path in enumerate(fixtures):
        if path.name.endswith(".fixed.py"):
            continue
        write(out / "server", f"seed-session-{path.stem}.jsonrpc", session(path.name, path.read_text(), pull=i % 2 == 0))

    for path in transcripts:
        messages = transcript_messages(path)
        write(out / "framing", f"seed-{path.stem}.cl", content_length(messages))
        write(out / "framing", f"seed-{path.stem}.delimited", delimited(messages))
        for i, m in enumerate(messages):
            write(out / "framing", f"seed-{path.stem}-{i}.cl", content_length([m]))
    for i, frame in enumerate(HAND_WRITTEN_FRAMES):
        write(out / "framing", f"seed-hand-{i}", frame)


if __name__ == "__main__":
    main()
