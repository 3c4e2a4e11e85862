"""Bad input and bad timing for the language server, through the real binary
over stdio (issue 12): each test is a fault a client or a file can cause, and
asserts what the user relies on afterwards — a clear error, nothing else lost,
the server still serving, memory bounded (the child's peak RSS) where memory
is the point, and a prompt exit where time is the point.

Covered: `"params": null`; messages over the size limit, deeply nested JSON
and documents over max-file-size; out-of-range and non-integral positions;
`exit` and closed stdin while a large document is being analysed; stdin
closed right after `exit`; didChange storms; invalid UTF-8 and lone
surrogates in a document's text; malformed and huge Content-Length, batches,
20,000 pipelined requests, cancel storms and a closed stdout.
"""
import json
import subprocess
import time

import pytest

from conftest import binary
from test_lsp_client import FLAGGED, PULL_CAPS, client, frame, pull  # noqa: F401 (client: fixture)

MIB = 1 << 20


def peak_rss_mib(c):
    """The server's peak RSS so far. (Its ru_maxrss would also count the
    pages of this test process it was forked from: VmHWM starts at exec.)"""
    with open("/proc/%d/status" % c.proc.pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def wait_child(c, timeout=30.0):
    """Waits for the server to end; returns its exit code."""
    try:
        return c.proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        c.proc.kill()
        raise TimeoutError("the server did not end within %.0f s" % timeout)


def finish(c):
    """shutdown + exit, asserting a clean exit (code 0); returns the peak RSS in MiB."""
    peak = peak_rss_mib(c)
    assert c.request("shutdown")["result"] is None
    c.notify("exit")
    c.proc.stdin.close()
    assert wait_child(c) == 0
    return peak


def assert_serves(c, path):
    """Opens FLAGGED as `path` and asserts its findings: the server still serves."""
    c.open(path, FLAGGED)
    assert [d["code"] for d in pull(c, path, timeout=60)] == ["SPK001", "SPK101"]


def error_of(message):
    return message.get("error", {})


def big_python(size):
    """About `size` bytes of flagged Python: a SparkContext job, repeated."""
    block = ("def step_{i}(df):\n"
             "    rdd = sc.parallelize([1, 2, {i}])\n"
             "    return df.rdd.map(lambda r: r).toDF()\n\n")
    parts, total, i = [FLAGGED], len(FLAGGED), 0
    while total < size:
        parts.append(block.format(i=i))
        total += len(parts[-1])
        i += 1
    return "".join(parts)


# --- "params": null -------------------------------------------------------------

def test_params_null_is_accepted_where_a_method_takes_none(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    c.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": None})
    c.send({"jsonrpc": "2.0", "method": "$/setTrace", "params": None})
    # A method that needs params says so with InvalidParams, not InvalidRequest.
    c.send({"jsonrpc": "2.0", "id": 50, "method": "textDocument/hover", "params": None})
    assert error_of(c.response(50))["code"] == -32602
    f = tmp_path / "a.py"
    assert_serves(c, f)
    # What Emacs' eglot sends to leave.
    c.send({"jsonrpc": "2.0", "id": 51, "method": "shutdown", "params": None})
    assert c.response(51) == {"jsonrpc": "2.0", "id": 51, "result": None}
    c.send({"jsonrpc": "2.0", "method": "exit", "params": None})
    code = wait_child(c, timeout=10)
    assert code == 0


# --- limits ------------------------------------------------------------------------

def test_a_message_over_the_size_limit_is_refused_without_being_held(client, tmp_path):
    c = client("--max-message-size", "1MiB")
    c.initialize(tmp_path, PULL_CAPS)
    # A request: its error carries its id (read from the message's first bytes).
    c.send({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover",
            "params": {"padding": "x" * (3 * MIB)}})
    error = error_of(c.response(7))
    assert error["code"] == -32600 and "over the limit of 1 MiB" in error["message"]
    assert "--max-message-size" in error["message"]
    # A document: the user is told it was not opened, and which.
    big = tmp_path / "big.py"
    c.open(big, big_python(2 * MIB))
    shown = c.notification("window/showMessage")
    assert str(big) in shown["message"] and "not opened" in shown["message"]
    # The skipped bytes did not disturb the next messages.
    small = tmp_path / "small.py"
    assert_serves(c, small)
    # A change that is refused leaves the document out of step: it is closed, and the user told.
    c.notify("textDocument/didChange", {"textDocument": {"uri": small.as_uri(), "version": 2},
                                        "contentChanges": [{"text": big_python(2 * MIB)}]})
    shown = c.notification("window/showMessage")
    assert str(small) in shown["message"] and "opened again" in shown["message"]
    r = c.request("textDocument/diagnostic", {"textDocument": {"uri": small.as_uri()}})
    assert error_of(r)["code"] == -32602 and "not open" in error_of(r)["message"]
    c.open(small, FLAGGED, version=3)
    assert [d["code"] for d in pull(c, small, timeout=60)] == ["SPK001", "SPK101"]
    finish(c)


def test_a_100_mb_message_costs_no_memory(client, tmp_path):
    c = client()  # default limit: 64 MiB
    c.initialize(tmp_path, PULL_CAPS)
    text = "x = 1\n" * (100 * MIB // 6)
    c.open(tmp_path / "huge.py", text)
    del text
    assert "not opened" in c.notification("window/showMessage", timeout=60)["message"]
    small = tmp_path / "small.py"
    assert_serves(c, small)
    peak = finish(c)
    assert peak < 100, "peak RSS %.0f MiB for a refused 100 MB message" % peak


def test_deep_nesting_is_refused_before_parsing(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    body = b"[" * (20 * MIB)
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    error = error_of(c.wait(lambda m: "error" in m))
    assert error["code"] == -32600 and "nested deeper than 512 levels" in error["message"]
    # A request nested too deeply gets its own error.
    nested = {"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {}}
    inner = nested["params"]
    for _ in range(600):
        inner["x"] = {}
        inner = inner["x"]
    c.send(nested)
    assert "nested deeper" in error_of(c.response(8))["message"]
    f = tmp_path / "a.py"
    assert_serves(c, f)
    peak = finish(c)
    # Before the limit, 20 MB of `[` cost about 1.5 GB.
    assert peak < 150, "peak RSS %.0f MiB for 20 MB of '['" % peak


def test_the_depth_limit_is_configurable(client, tmp_path):
    c = client("--max-json-depth", "5")
    c.initialize(tmp_path, {})  # nested 4 deep
    c.send({"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover",
            "params": {"a": {"b": {"c": {"d": {}}}}}})  # 6 deep
    assert "nested deeper than 5 levels" in error_of(c.response(9))["message"]
    finish(c)


def test_bad_limit_flags_are_usage_errors(run):
    for flag, value in [("--max-message-size", "lots"), ("--max-message-size", "5T"), ("--max-json-depth", "9k")]:
        r = run("lsp", flag, value)
        assert r.code == 2 and flag in r.err


def test_a_document_over_max_file_size_is_kept_but_not_analysed(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    big = tmp_path / "big.py"
    c.open(big, big_python(17 * MIB))  # over the default 16 MiB
    small = tmp_path / "small.py"
    c.open(small, FLAGGED)
    (item,) = pull(c, big, timeout=60)
    assert "over the limit of 16 MiB (max-file-size)" in item["message"]
    assert item["range"]["start"] == {"line": 0, "character": 0} and "code" not in item
    assert [d["code"] for d in pull(c, small, timeout=60)] == ["SPK001", "SPK101"]
    hover = c.request("textDocument/hover", {"textDocument": {"uri": big.as_uri()},
                                             "position": {"line": 3, "character": 8}})
    assert hover["result"] is None
    # Shrunk below the limit, it is checked again.
    c.notify("textDocument/didChange", {"textDocument": {"uri": big.as_uri(), "version": 2},
                                        "contentChanges": [{"text": FLAGGED}]})
    assert [d["code"] for d in pull(c, big, timeout=60)] == ["SPK001", "SPK101"]
    # Workspace diagnostics do not read such a file from disk either.
    (tmp_path / "on_disk.py").write_text(big_python(17 * MIB))
    r = c.request("workspace/diagnostic", {"previousResultIds": []}, timeout=60)
    (report,) = [i for i in r["result"]["items"] if i["uri"].endswith("/on_disk.py")]
    assert len(report["items"]) == 1 and "max-file-size" in report["items"][0]["message"]
    finish(c)


def test_push_clients_see_why_a_large_document_is_not_checked(client, tmp_path):
    c = client()
    c.initialize(tmp_path)
    big = tmp_path / "big.py"
    c.open(big, big_python(17 * MIB))
    p = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == big.as_uri(), timeout=60)
    assert len(p["diagnostics"]) == 1 and "max-file-size" in p["diagnostics"][0]["message"]
    finish(c)


# --- positions -----------------------------------------------------------------------

def test_out_of_range_positions_are_clamped_or_refused(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    f = tmp_path / "a.py"
    c.open(f, FLAGGED)

    def hover(line, character):
        return c.request("textDocument/hover", {"textDocument": {"uri": f.as_uri()},
                                                "position": {"line": line, "character": character}})

    # Past the end (however far) means the end.
    assert hover(1e300, 0)["result"] is None
    assert hover(3, 1e300)["result"] is None
    assert hover(2 ** 64, 2 ** 70)["result"] is None
    assert "SPK101" in hover(3.0, 8.0)["result"]["contents"]["value"]  # 3.0 is 3
    for line, character in [(-5, 0), (0, -1e300), (1.5, 0), ("3", 0), (None, 0)]:
        error = error_of(hover(line, character))
        assert error["code"] == -32602, (line, character)
    assert "non-negative integer" in error_of(hover(-5, 0))["message"]
    # NaN is not JSON: a parse error, and the server goes on.
    body = b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {"line": NaN}}'
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert error_of(c.wait(lambda m: "error" in m and m.get("id") is None))["code"] == -32700
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": f.as_uri()},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1e300, "character": 1e300}},
        "context": {"diagnostics": []}})
    assert any(a["title"] == "Ignore SPK101 on this line" for a in r["result"])
    # A change far past the end appends; one with a negative position is refused.
    c.notify("textDocument/didChange", {"textDocument": {"uri": f.as_uri(), "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 1e300, "character": 0}, "end": {"line": 1e300, "character": 0}},
         "text": "sc.textFile('x')\n"}]})
    c.notify("textDocument/didChange", {"textDocument": {"uri": f.as_uri(), "version": 3}, "contentChanges": [
        {"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "oops"}]})
    c.notify("textDocument/didChange", {"textDocument": {"uri": f.as_uri(), "version": 1e300},
                                        "contentChanges": [{"text": "oops"}]})
    # The first change applied (SPK104 on the new last line), the refused ones not.
    items = pull(c, f, timeout=60)
    assert [(d["code"], d["range"]["start"]["line"]) for d in items] == [("SPK001", 2), ("SPK101", 3), ("SPK104", 4)]
    finish(c)


# --- ending --------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["exit", "eof"])
def test_exit_cancels_the_analysis_of_a_large_document(client, tmp_path, how):
    c = client()
    c.initialize(tmp_path)
    c.notify("$/setTrace", {"value": "messages"})  # a $/logTrace once a message is decoded
    c.open(tmp_path / "big.py", big_python(15 * MIB))  # within max-file-size: parsed and analysed
    c.notification("$/logTrace", lambda p: "textDocument/didOpen" in p["message"], timeout=120)
    time.sleep(1)  # parsing or analysing now
    start = time.time()
    if how == "exit":
        c.request_async("shutdown")
        c.notify("exit")
    c.proc.stdin.close()
    code = wait_child(c, timeout=60)
    took = time.time() - start
    assert code == (0 if how == "exit" else 1)
    # It took 69 s before exit cancelled anything; about a second is the goal.
    assert took < 5, "the server took %.1f s to end" % took


def test_stdin_closed_right_after_exit(client, tmp_path):
    for i in range(10):
        c = client()
        c.initialize(tmp_path)
        c.open(tmp_path / ("a%d.py" % i), FLAGGED)
        c.request_async("shutdown")
        c.notify("exit")
        c.proc.stdin.close()
        code = wait_child(c, timeout=20)
        assert code == 0


def test_a_did_change_storm_ends_in_the_right_findings(client, tmp_path):
    c = client()
    c.initialize(tmp_path, {}, options={"settings": {"debounceMs": 0}})
    f = tmp_path / "storm.py"
    text = FLAGGED * 20
    c.open(f, text)
    version = 1
    for i in range(300):
        version += 1
        line = i % 80
        c.notify("textDocument/didChange", {"textDocument": {"uri": f.as_uri(), "version": version},
                                            "contentChanges": [{"range": {
                                                "start": {"line": line, "character": 0},
                                                "end": {"line": line, "character": 0}}, "text": "#"}]})
    p = c.notification("textDocument/publishDiagnostics",
                       lambda p: p["uri"] == f.as_uri() and p.get("version") == version, timeout=60)
    # The same edits on a fresh document: each put a '#' at the start of one of the first 80 lines.
    lines = text.split("\n")
    for i in range(300):
        lines[i % 80] = "#" + lines[i % 80]
    fresh = tmp_path / "fresh.py"
    c.open(fresh, "\n".join(lines))
    q = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == fresh.as_uri(), timeout=60)
    assert [(d["code"], d["range"]) for d in p["diagnostics"]] == [(d["code"], d["range"]) for d in q["diagnostics"]]
    finish(c)


# --- invalid text ----------------------------------------------------------------------

def test_lone_surrogates_and_invalid_utf8_are_replaced_and_reported_once(client, tmp_path):
    c = client()
    c.initialize(tmp_path)
    # A lone surrogate escape (json.dumps writes "\ud800"), before a finding on the same line.
    a = tmp_path / "a.py"
    c.open(a, FLAGGED.replace("rdd = sc.", "s = '\ud800'; rdd = sc."))
    shown = c.notification("window/showMessage")
    assert str(a) in shown["message"] and "U+FFFD" in shown["message"]
    p = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == a.as_uri())
    spk101 = [d for d in p["diagnostics"] if d["code"] == "SPK101"]
    # U+FFFD is one UTF-16 unit, as the surrogate was: positions after it are as the client counts.
    assert spk101[0]["range"]["start"] == {"line": 3, "character": len("s = '?'; rdd = ")}
    # Raw bytes that are not UTF-8.
    b = tmp_path / "b.py"
    message = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": b.as_uri(), "languageId": "python", "version": 1, "text": FLAGGED + "label = 'BAD'\n"}}}
    body = json.dumps(message).encode().replace(b"BAD", b"\xff\xfe\xc3(")
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert str(b) in c.notification("window/showMessage")["message"]
    p = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == b.as_uri())
    assert [d["code"] for d in p["diagnostics"]] == ["SPK001", "SPK101"]
    # More bad text in a document already reported: applied, not reported again.
    c.notify("textDocument/didChange", {"textDocument": {"uri": a.as_uri(), "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
         "text": "t = '\udfff'\nsc.textFile('x')\n"}]})
    p = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == a.as_uri() and p["version"] == 2)
    assert "SPK" in json.dumps([d["code"] for d in p["diagnostics"] if d["range"]["start"]["line"] == 5])
    with pytest.raises(TimeoutError):
        c.notification("window/showMessage", timeout=1)
    finish(c)


# --- faults that were already handled, kept -------------------------------------------------

def test_framing_faults_and_batches(client, tmp_path):
    c = client()
    c.send_raw(b"Content-Length: 99999999999999999999999\r\n\r\n")
    assert "bad Content-Length" in error_of(c.wait(lambda m: "error" in m))["message"]
    c.send_raw(b"X-Header: " + b"y" * (200 << 10) + b"\r\n\r\n")
    assert "header block longer than" in error_of(c.wait(lambda m: "error" in m))["message"]
    c.send([{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}])  # batches are not LSP
    assert error_of(c.wait(lambda m: "error" in m))["code"] == -32600
    c.initialize(tmp_path, PULL_CAPS)
    f = tmp_path / "a.py"
    assert_serves(c, f)
    finish(c)


def test_a_client_that_stops_reading_does_not_leave_the_server_running(tmp_path):
    proc = subprocess.Popen([binary(), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    proc.stdout.close()
    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                            "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}}))
    proc.stdin.flush()
    proc.wait(timeout=20)  # ended at its first write


def test_pipelined_requests_and_cancel_storms_get_one_answer_each(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    f = tmp_path / "a.py"
    c.open(f, FLAGGED)
    params = {"textDocument": {"uri": f.as_uri()}, "position": {"line": 3, "character": 8}}
    first = c.next_id
    data = b"".join(frame({"jsonrpc": "2.0", "id": first + i, "method": "textDocument/hover", "params": params})
                    for i in range(20000))
    c.next_id += 20000
    c.send_raw(data)
    cancel_first = c.next_id
    for i in range(1000):
        rid = c.request_async("textDocument/diagnostic", {"textDocument": {"uri": f.as_uri()}})
        c.notify("$/cancelRequest", {"id": rid})
    answered = {}
    while len(answered) < 21000:
        m = c.wait(lambda m: "id" in m and "method" not in m, timeout=120)
        assert m["id"] not in answered, "two answers to %s" % m["id"]
        answered[m["id"]] = m
    assert all("SPK101" in answered[first + i]["result"]["contents"]["value"] for i in range(20000))
    for rid in range(cancel_first, cancel_first + 1000):
        assert "result" in answered[rid] or error_of(answered[rid])["code"] == -32800
    finish(c)
