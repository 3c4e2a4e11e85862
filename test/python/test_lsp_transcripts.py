"""Runs every test/lsp/*.jsonrpc transcript against `sparkmigrate lsp --test`.

The transcript is given to the server as a regular file on stdin (which is how
the server must be able to read it: see design.md), and the `---`-delimited
output is matched against the `// expect:` lines (see test/lsp/README.md).
"""
import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, binary

TRANSCRIPTS = sorted((ROOT / "test" / "lsp").glob("*.jsonrpc"))


def matches(expected, actual) -> bool:
    if expected == "*":
        return actual is not None
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and matches(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        # Each expected element matches a distinct actual element, in order.
        if not isinstance(actual, list):
            return False
        if not expected:
            return actual == []
        i = 0
        for item in actual:
            if i < len(expected) and matches(expected[i], item):
                i += 1
        return i == len(expected)
    return expected == actual


def parse_expectations(text):
    expect, expect_none, exit_code = [], [], 0
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("// expect:"):
            expect.append(json.loads(line[len("// expect:"):]))
        elif line.startswith("// expect-none:"):
            expect_none.append(json.loads(line[len("// expect-none:"):]))
        elif line.startswith("// exit-code:"):
            exit_code = int(line[len("// exit-code:"):])
    return expect, expect_none, exit_code


def run_transcript(path: Path):
    with open(path, "rb") as stdin:
        proc = subprocess.run([binary(), "lsp", "--test"], stdin=stdin, capture_output=True, timeout=60)
    messages = [json.loads(chunk) for chunk in proc.stdout.decode().split("\n---\n") if chunk.strip()]
    return proc, messages


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=[p.stem for p in TRANSCRIPTS])
def test_transcript(path):
    expect, expect_none, exit_code = parse_expectations(path.read_text())
    proc, messages = run_transcript(path)
    dump = "\n".join(json.dumps(m) for m in messages)
    for e in expect:
        assert any(matches(e, m) for m in messages), f"expected {json.dumps(e)}\noutput:\n{dump}\nstderr:\n{proc.stderr.decode()}"
    for e in expect_none:
        bad = [m for m in messages if matches(e, m)]
        assert not bad, f"unexpected {json.dumps(bad[0])}"
    assert proc.returncode == exit_code, proc.stderr.decode()


def test_every_request_gets_exactly_one_reply():
    for path in TRANSCRIPTS:
        requests = []
        for chunk in path.read_text().split("\n---"):
            body = "\n".join(l for l in chunk.splitlines() if not l.strip().startswith("//") and not l.startswith("---"))
            try:
                m = json.loads(body)
            except ValueError:
                continue
            if isinstance(m, dict) and "method" in m and m.get("id") is not None and m.get("jsonrpc") == "2.0":
                requests.append(m["id"])
        _, messages = run_transcript(path)
        replies = [m["id"] for m in messages if "method" not in m and m.get("id") is not None]
        for rid in requests:
            assert replies.count(rid) == 1, f"{path.name}: request {rid} got {replies.count(rid)} replies"
