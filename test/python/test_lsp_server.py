"""Language server tests over the real binary with Content-Length framing and
the real worker pool: framing errors, findings identical to `check`,
position encodings with non-BMP text, randomized incremental edits against a
fresh parse, configuration (pyproject.toml and editor settings, a broken file
keeping the last good configuration), workspace diagnostics, fix-all resolve.
"""
import json
import random
from pathlib import Path

import pytest

from conftest import ROOT
from test_lsp_client import FLAGGED, PULL_CAPS, client, pull  # noqa: F401 (client: fixture)


def test_malformed_frames_keep_the_server_serving(client, tmp_path):
    c = client()
    c.send_raw(b"Content-Type: nothing\r\n\r\n")  # no Content-Length
    assert c.wait(lambda m: m.get("error", {}).get("code") == -32700)
    c.send_raw(b"Content-Length: abc\r\n\r\n")
    assert c.wait(lambda m: m.get("error", {}).get("code") == -32700)
    body = b'{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}'  # truncated JSON
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert c.wait(lambda m: m.get("error", {}).get("code") == -32700 and m.get("id") is None)
    result = c.initialize(tmp_path)
    assert result["result"]["capabilities"]["hoverProvider"] is True
    assert c.close() == 0


def test_push_is_versioned_and_close_clears(client, tmp_path):
    c = client()
    c.initialize(tmp_path)
    f = tmp_path / "a.py"
    c.open(f, FLAGGED)
    p = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == f.as_uri())
    assert p.get("version") == 1 and [d["code"] for d in p["diagnostics"]] == ["SPK001", "SPK101"]
    c.notify("textDocument/didClose", {"textDocument": {"uri": f.as_uri()}})
    p = c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == f.as_uri())
    assert p["diagnostics"] == []


def test_same_findings_as_check(client, run):
    files = sorted(p for p in (ROOT / "examples").rglob("*.py"))
    assert files
    c = client()
    c.initialize(ROOT, {"general": {"positionEncodings": ["utf-32"]}, "textDocument": {"diagnostic": {}}})
    for path in files:
        cli = run("check", "--output-format", "json", "--exit-zero", path, cwd=ROOT).json()
        expected = sorted((d["code"], d["location"]["row"], d["location"]["column"],
                           d["end_location"]["row"], d["end_location"]["column"], d["message"]) for d in cli)
        c.open(path, path.read_text(encoding="utf-8"))
        items = pull(c, path)
        got = sorted((d["code"], d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1,
                      d["range"]["end"]["line"] + 1, d["range"]["end"]["character"] + 1, d["message"])
                     for d in items)
        assert got == expected, path


@pytest.mark.parametrize("offered,encoding,column", [
    ([], "utf-16", 24), (["utf-8"], "utf-8", 27), (["utf-32"], "utf-32", 23)])
def test_position_encodings_with_non_bmp_text(client, tmp_path, offered, encoding, column):
    c = client()
    caps = {"general": {"positionEncodings": offered}, "textDocument": {"diagnostic": {}}}
    assert c.initialize(tmp_path, caps)["result"]["capabilities"]["positionEncoding"] == encoding
    f = tmp_path / "u.py"
    # 'é' is 2 bytes / 1 unit; '😀' is 4 bytes / 2 UTF-16 units / 1 code point.
    text = FLAGGED.replace("rdd = sc.", "s = 'é😀'; x = 1; rdd = sc.")
    c.open(f, text)
    items = [d for d in pull(c, f) if d["code"] == "SPK101"]
    assert items[0]["range"]["start"] == {"line": 3, "character": column}
    # Hover at that position finds the same finding.
    hover = c.request("textDocument/hover", {"textDocument": {"uri": f.as_uri()},
                                             "position": {"line": 3, "character": column + 1}})
    assert "SPK101" in hover["result"]["contents"]["value"]


def utf16_offset(text, line, character):
    lines = text.split("\n")
    offset = sum(len(l) + 1 for l in lines[:line])
    units = 0
    for i, ch in enumerate(lines[line]):
        if units >= character:
            return offset + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return offset + len(lines[line])


def utf16_position(text, index):
    before = text[:index]
    line = before.count("\n")
    col_text = before[before.rfind("\n") + 1:]
    return {"line": line, "character": sum(2 if ord(ch) > 0xFFFF else 1 for ch in col_text)}


def test_random_incremental_edits_match_a_fresh_parse(client, tmp_path):
    rng = random.Random(20240611)
    c = client()
    c.initialize(tmp_path, {"textDocument": {"diagnostic": {}}})
    base = FLAGGED + "df = spark.read.table('t')\nsc2 = spark.sparkContext  # noqa: SPK001\nlabel = '😀 ünï'\n"
    pieces = ["sc.parallelize([3])", "\n", "(", ")", "spark.sparkContext", "# noqa: SPK101", "😀", "é",
              "x = 1\n", "def f(:\n", "'''", "    ", "rdd.map(lambda r: r)\n", ""]
    edited = tmp_path / "edited.py"
    text = base
    c.open(edited, text)
    version = 1
    for step in range(60):
        changes = []
        for _ in range(rng.randint(1, 3)):
            a = rng.randint(0, len(text))
            b = min(len(text), a + rng.choice([0, 0, 1, 2, 5, 12]))
            # never split a character (Python str indices are code points already)
            new = rng.choice(pieces)
            changes.append({"range": {"start": utf16_position(text, a), "end": utf16_position(text, b)},
                            "text": new})
            text = text[:a] + new + text[b:]
        version += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": edited.as_uri(), "version": version},
                                            "contentChanges": changes})
        if step % 6 == 5:
            fresh = tmp_path / f"fresh{step}.py"
            c.open(fresh, text)
            got = pull(c, edited)
            want = pull(c, fresh)
            assert got == want, (step, text)
            c.notify("textDocument/didClose", {"textDocument": {"uri": fresh.as_uri()}})


def test_configuration_pyproject_editor_settings_and_broken_file(client, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.sparkmigrate]\nignore = ["SPK101"]\n')
    c = client()
    caps = dict(PULL_CAPS)
    c.initialize(tmp_path, caps)
    f = tmp_path / "a.py"
    c.open(f, FLAGGED)
    assert [d["code"] for d in pull(c, f)] == ["SPK001"]
    # Break the file: the last good configuration stays, the problem is shown once.
    (tmp_path / "pyproject.toml").write_text('[tool.sparkmigrate\nignore = [\n')
    watched = {"changes": [{"uri": (tmp_path / "pyproject.toml").as_uri(), "type": 2}]}
    c.notify("workspace/didChangeWatchedFiles", watched)
    c.wait(lambda m: m.get("method") == "workspace/diagnostic/refresh")
    msg = c.notification("window/showMessage")
    assert "pyproject.toml" in msg["message"]
    assert [d["code"] for d in pull(c, f)] == ["SPK001"]
    c.notify("workspace/didChangeWatchedFiles", watched)
    c.wait(lambda m: m.get("method") == "workspace/diagnostic/refresh")
    assert [d["code"] for d in pull(c, f)] == ["SPK001"]
    with pytest.raises(TimeoutError):
        c.notification("window/showMessage", timeout=1)
    # Fixed again, now ignoring SPK001 instead.
    (tmp_path / "pyproject.toml").write_text('[tool.sparkmigrate]\nignore = ["SPK001"]\n')
    c.notify("workspace/didChangeWatchedFiles", watched)
    c.wait(lambda m: m.get("method") == "workspace/diagnostic/refresh")
    assert [d["code"] for d in pull(c, f)] == ["SPK101"]
    # Editor settings through didChangeConfiguration (pulled with workspace/configuration).
    c.server_requests["workspace/configuration"] = lambda params: [{"select": ["SPK0"]}]
    c.notify("workspace/didChangeConfiguration", {"settings": {}})
    c.wait(lambda m: m.get("method") == "workspace/diagnostic/refresh")
    assert [d["code"] for d in pull(c, f)] == []
    # ...and pushed directly in the notification.
    c.notify("workspace/didChangeConfiguration", {"settings": {"sparkmigrate": {"select": ["ALL"], "ignore": []}}})
    c.wait(lambda m: m.get("method") == "workspace/diagnostic/refresh")
    assert "SPK101" in [d["code"] for d in pull(c, f)]


def test_workspace_diagnostics_cover_files_on_disk(client, tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "job.py").write_text(FLAGGED)
    (tmp_path / "clean.py").write_text("print('hello')\n")
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    opened = tmp_path / "clean.py"
    c.open(opened, FLAGGED, version=7)  # the editor's text wins over the disk
    r = c.request("workspace/diagnostic", {"previousResultIds": []})
    reports = {Path(item["uri"][len("file://"):]).name: item for item in r["result"]["items"]}
    assert [d["code"] for d in reports["job.py"]["items"]] == ["SPK001", "SPK101"]
    assert reports["clean.py"]["version"] == 7 and len(reports["clean.py"]["items"]) == 2


def ignore_edit(client, tmp_path, line):
    """The edit of the "Ignore SPK101 on this line" action when FLAGGED's
    `sc.parallelize` line (line 3) reads `line`."""
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    f = tmp_path / "a.py"
    c.open(f, FLAGGED.replace("rdd = sc.parallelize([1, 2])", line))
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": f.as_uri()},
        "range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 8}},
        "context": {"diagnostics": []}})
    ignore = [a for a in r["result"] if a["title"] == "Ignore SPK101 on this line"][0]
    return ignore["edit"]["changes"][f.as_uri()][0]


def test_ignore_action_extends_an_existing_noqa(client, tmp_path):
    line = "rdd = sc.parallelize([1, 2])  # noqa: SPK102"
    edit = ignore_edit(client, tmp_path, line)
    assert edit["newText"] == ", SPK101"
    assert edit["range"]["start"] == {"line": 3, "character": len(line)}


@pytest.mark.parametrize("trailing,inserted", [("", "  # noqa: SPK101"), (" ", " # noqa: SPK101"),
                                               ("   ", "# noqa: SPK101")])
def test_ignore_action_adds_a_noqa_comment_two_spaces_after_the_code(client, tmp_path, trailing, inserted):
    line = "rdd = sc.parallelize([1, 2])" + trailing
    edit = ignore_edit(client, tmp_path, line)
    assert edit["newText"] == inserted
    assert edit["range"]["start"] == {"line": 3, "character": len(line)}


def test_fix_all_is_resolved_lazily_when_a_safe_fix_exists(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    f = tmp_path / "a.py"
    # `df.rdd.isEmpty()` has a safe fix (SPK302: `df.isEmpty()`).
    c.open(f, "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
              "df = spark.range(3)\nif df.rdd.isEmpty():\n    print('empty')\n")
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": f.as_uri()},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    actions = r["result"]
    assert len(actions) == 1
    action = actions[0]
    assert action["kind"] == "source.fixAll.sparkmigrate" and "edit" not in action
    resolved = c.request("codeAction/resolve", action)["result"]
    edits = resolved["edit"]["documentChanges"][0]["edits"] if "documentChanges" in resolved["edit"] \
        else resolved["edit"]["changes"][f.as_uri()]
    # Applying the edits turns `df.rdd.isEmpty()` into `df.isEmpty()` and nothing else.
    lines = "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n" \
        "df = spark.range(3)\nif df.rdd.isEmpty():\n    print('empty')\n".split("\n")
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        (sl, sc), (el, ec) = [(e["range"][k]["line"], e["range"][k]["character"]) for k in ("start", "end")]
        assert sl == el
        lines[sl] = lines[sl][:sc] + e["newText"] + lines[sl][ec:]
    assert lines[3] == "if df.isEmpty():"
    assert lines[:3] + lines[4:] == ("from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
                                     "df = spark.range(3)\n    print('empty')\n").split("\n")


def test_pull_result_ids_answer_unchanged_only_for_the_same_report(client, tmp_path):
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    path = tmp_path / "job.py"
    path.write_text(FLAGGED)  # on disk too, for workspace/diagnostic
    c.open(path, FLAGGED)

    def report(previous=None):
        params = {"textDocument": {"uri": path.as_uri()}}
        if previous is not None:
            params["previousResultId"] = previous
        return c.request("textDocument/diagnostic", params)["result"]

    first = report()
    assert first["kind"] == "full" and [d["code"] for d in first["items"]] == ["SPK001", "SPK101"]
    assert report(first["resultId"]) == {"kind": "unchanged", "resultId": first["resultId"]}
    # An edit after every finding leaves the report as it was.
    c.notify("textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}, "text": "x = 1\n"}]})
    assert report(first["resultId"])["kind"] == "unchanged"
    # An edit that moves a finding (a new line above it) gives a new full report.
    c.notify("textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": 3}, "contentChanges": [
        {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "y = 2\n"}]})
    moved = report(first["resultId"])
    assert moved["kind"] == "full" and moved["resultId"] != first["resultId"]
    assert moved["items"][1]["range"]["start"]["line"] == 4
    # A stale or foreign id is answered in full.
    assert report("not-an-id")["kind"] == "full"

    ws = c.request("workspace/diagnostic", {"previousResultIds": [{"uri": path.as_uri(), "value": moved["resultId"]}]})
    (item,) = [i for i in ws["result"]["items"] if i["uri"] == path.as_uri()]
    assert item == {"kind": "unchanged", "uri": path.as_uri(), "version": 3, "resultId": moved["resultId"]}


def test_a_module_sees_what_its_sibling_modules_export_and_a_save_updates_it(client, tmp_path):
    """The helper never imports pyspark; only session.py (on disk beside it) says that
    load() returns a DataFrame. Saving session.py so that load() returns a list withdraws
    the finding; saving it back brings it back, as `sparkmigrate check` of the folder."""
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    session = tmp_path / "session.py"
    spark_version = ("from pyspark.sql import SparkSession\n\n\ndef load():\n"
                     "    return SparkSession.builder.getOrCreate().range(3)\n")
    session.write_text(spark_version)
    helper = tmp_path / "helper.py"
    helper.write_text("from session import load\n\norders = load()\nprint(orders.toJSON().take(1))\n")
    c.open(helper, helper.read_text())

    def codes():
        result = c.request("textDocument/diagnostic", {"textDocument": {"uri": helper.as_uri()}})["result"]
        return [(d["code"], d["range"]["start"]["line"]) for d in result["items"]]

    assert codes() == [("SPK401", 3)]
    session.write_text("def load():\n    return [1, 2, 3]\n")
    c.notify("textDocument/didSave", {"textDocument": {"uri": session.as_uri()}})
    assert codes() == []
    session.write_text(spark_version)
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": session.as_uri(), "type": 2}]})
    assert codes() == [("SPK401", 3)]


def test_documents_past_the_tree_budget_are_parsed_again_when_used(client, tmp_path):
    # The server keeps trees only for the documents used last (192 KiB of
    # text); the others keep their text and findings. Editing one of those,
    # then asking for its diagnostics and its code actions, gives what a
    # freshly opened copy of the same text gives.
    c = client()
    c.initialize(tmp_path, PULL_CAPS)
    block = FLAGGED + "".join(f"rows_{i} = sc.parallelize(range({i})).map(lambda x: x * 2).collect()\n"
                              for i in range(500))
    assert len(block) > 30_000
    paths = [tmp_path / f"module_{i}.py" for i in range(8)]  # ~280 KB in all
    for path in paths:
        c.open(path, block)
        assert pull(c, path)
    first = paths[0]  # used longest ago: its tree is gone
    edit = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "text": "import os\n"}
    c.notify("textDocument/didChange", {"textDocument": {"uri": first.as_uri(), "version": 2},
                                        "contentChanges": [edit]})
    fresh = tmp_path / "fresh.py"
    c.open(fresh, "import os\n" + block)
    got, want = pull(c, first), pull(c, fresh)
    assert got and got == want

    def actions(path):
        r = c.request("textDocument/codeAction", {
            "textDocument": {"uri": path.as_uri()},
            "range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}},
            "context": {"diagnostics": []}})
        return sorted(a["title"] for a in r["result"])

    assert actions(first) == actions(fresh)
