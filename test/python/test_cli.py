"""End-to-end tests of `sparkmigrate check` and `sparkmigrate rule` through the
real binary: exit codes, every output format, configuration, suppressions,
file discovery and bad input."""
import json
import os

LEGACY = """\
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
rdd = sc.parallelize([1, 2, 3])
"""

CLEAN = """\
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.createDataFrame([(1,), (2,)], ["id"])
"""


def codes(result):
    return sorted((d["code"], d["location"]["row"]) for d in result.json())


def test_demo_examples_show_findings(run):
    from conftest import ROOT

    result = run("check", ROOT / "examples")
    assert result.code == 1
    assert "examples/legacy_etl/jobs.py" in result.out or "legacy_etl/jobs.py" in result.out
    assert "connect_ready.py" not in result.out
    assert "Found" in result.out


def test_exit_codes(run, project):
    clean = project.write("clean.py", CLEAN)
    legacy = project.write("legacy.py", LEGACY)
    assert run("check", clean).code == 0
    assert run("check", legacy).code == 1
    assert run("check", legacy, "--exit-zero").code == 0
    assert run("check", "--no-such-flag").code == 2
    assert run("check", legacy, "--target-version", "2.4").code == 2
    assert run("check", legacy, "--select", "E501").code == 2
    assert run("check", legacy, "--output-format", "xml").code == 2
    assert run("frobnicate").code == 2


def test_text_output_has_location_code_and_caret_frame(run, project):
    legacy = project.write("legacy.py", LEGACY)
    result = run("check", legacy)
    lines = result.out.splitlines()
    assert f"{legacy}:4:6: SPK001 " in result.out
    assert f"{legacy}:5:7: SPK101 " in result.out
    frame = lines.index("5 | rdd = sc.parallelize([1, 2, 3])")
    assert lines[frame + 1] == "  |       " + "^" * len("sc.parallelize([1, 2, 3])")
    assert "\x1b[" not in result.out  # no colour when not a terminal
    assert "\x1b[" in run("check", legacy, "--color", "always").out


def test_json_follows_ruff_shape_with_code_point_columns(run, project):
    path = project.write("u.py", 'from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\nx = "é😀"; sc = spark.sparkContext\n')
    result = run("check", path, "--output-format", "json")
    assert result.code == 1
    [d] = result.json()
    assert set(d) >= {"code", "message", "filename", "location", "end_location", "fix", "url", "noqa_row", "cell"}
    assert d["code"] == "SPK001"
    assert d["filename"] == str(path)
    # `x = "é😀"; ` is 10 code points, so `spark.sparkContext` starts at column 16.
    assert d["location"] == {"row": 3, "column": 16}
    assert d["end_location"] == {"row": 3, "column": 16 + len("spark.sparkContext")}
    # `sc` is never used: the fix deletes the assignment (ruff's fix shape).
    assert d["fix"]["applicability"] in {"safe", "unsafe", "display-only"}
    [edit] = d["fix"]["edits"]
    assert set(edit) == {"content", "location", "end_location"}
    assert edit["location"]["row"] == 3
    assert d["url"].endswith("/SPK001.md")
    assert d["noqa_row"] == 3


def test_sarif_is_valid_2_1_0(run, project):
    legacy = project.write("legacy.py", LEGACY)
    sarif = run("check", legacy, "--output-format", "sarif").json()
    assert sarif["version"] == "2.1.0"
    [run_] = sarif["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {"SPK001", "SPK101"}
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["SPK001", "SPK101"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert run_["columnKind"] == "unicodeCodePoints"


def test_github_annotations(run, project):
    legacy = project.write("legacy.py", LEGACY)
    out = run("check", legacy, "--output-format", "github").out.splitlines()
    assert out[0].startswith(f"::error title=sparkmigrate (SPK001),file={legacy},line=4,col=6,endLine=4,endColumn=24::SPK001 ")


def test_statistics(run, project):
    project.write("a.py", LEGACY)
    project.write("b.py", LEGACY)
    text = run("check", project.root, "--statistics").out
    assert "    2\tSPK001\tspark-context-access" in text
    stats = run("check", project.root, "--statistics", "--output-format", "json").json()
    assert {"code": "SPK101", "name": "sparkcontext-parallelize", "count": 2, "fixable": False, "runtime_count": 0} in stats


def test_select_ignore_and_prefixes(run, project):
    legacy = project.write("legacy.py", LEGACY)
    assert codes(run("check", legacy, "--select", "SPK1", "--output-format", "json")) == [("SPK101", 5)]
    assert codes(run("check", legacy, "--ignore", "SPK101", "--output-format", "json")) == [("SPK001", 4)]
    assert run("check", legacy, "--select", "SPK001,SPK101", "--ignore", "SPK0,SPK1").code == 0


def test_pyproject_configuration_and_flag_overrides(run, project):
    project.write("pyproject.toml", """
[tool.sparkmigrate]
ignore = ["SPK001"]
extend-exclude = ["generated"]
[tool.sparkmigrate.per-file-ignores]
"tests/*.py" = ["SPK101"]
""")
    project.write("src/job.py", LEGACY)
    project.write("tests/test_job.py", LEGACY)
    project.write("generated/out.py", LEGACY)
    result = run("check", ".", "--output-format", "json", cwd=project.root)
    assert [(os.path.relpath(d["filename"], project.root), d["code"]) for d in result.json()] == [("src/job.py", "SPK101")]
    # Flags override the file.
    result = run("check", ".", "--ignore", "SPK101", "--output-format", "json", cwd=project.root)
    assert {d["code"] for d in result.json()} == {"SPK001"}
    # --isolated ignores the file altogether.
    result = run("check", "src", "--isolated", "--output-format", "json", cwd=project.root)
    assert {d["code"] for d in result.json()} == {"SPK001", "SPK101"}


def test_broken_pyproject_is_reported_and_other_files_still_checked(run, project):
    project.write("good/legacy.py", LEGACY)
    project.write("bad/pyproject.toml", "[tool.sparkmigrate\nselect = [")
    project.write("bad/legacy.py", LEGACY)
    result = run("check", project.root, "--output-format", "json")
    assert result.code == 2
    errors = [l for l in result.err.splitlines() if l.startswith("error:")]
    assert len(errors) == 1 and "bad/pyproject.toml:1: invalid TOML" in errors[0]
    files = {os.path.relpath(d["filename"], project.root) for d in result.json() if d["code"]}
    assert files == {"good/legacy.py", "bad/legacy.py"}
    [config] = [d for d in result.json() if d["code"] is None]
    assert "bad/pyproject.toml:1: invalid TOML" in config["message"] and config["severity"] == "error"


def test_suppressions_and_unused_ones(run, project):
    path = project.write("s.py", LEGACY.replace("sc = spark.sparkContext", "sc = spark.sparkContext  # noqa: SPK001").replace(
        "rdd = sc.parallelize([1, 2, 3])", "rdd = sc.parallelize([1, 2, 3])  # sparkmigrate: ignore[SPK101, SPK110]"))
    assert codes(run("check", path, "--output-format", "json")) == [("SPK000", 5)]


def test_gitignore_and_virtualenvs_are_skipped(run, project):
    project.write(".git/HEAD", "ref: refs/heads/main\n")
    project.write(".gitignore", "build_out/\n")
    project.write("app/job.py", LEGACY)
    project.write("build_out/job.py", LEGACY)
    project.write(".venv/lib/site-packages/pyspark/x.py", LEGACY)
    project.write("env/pyvenv.cfg", "home = /usr/bin\n")
    project.write("env/lib/y.py", LEGACY)
    result = run("check", project.root, "--output-format", "json")
    assert {os.path.relpath(d["filename"], project.root) for d in result.json()} == {"app/job.py"}


def test_bad_input_gives_one_line_each_and_never_crashes(run, project):
    project.write("ok.py", LEGACY)
    project.write("latin1.py", "# caf\xe9\nx = 1\n".encode("latin-1"), mode="wb")
    project.write("binary.py", b"\x7fELF\x00\x01\x02", mode="wb")
    project.write("empty.py", "")
    project.write("broken.py", "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\ndef f(:\n    pass\nsc = spark.sparkContext\n")
    os.symlink(project.root / "nowhere.py", project.root / "dangling.py")
    result = run("check", project.root, project.root / "missing.py", "--output-format", "json")
    assert result.code == 1
    err = result.err.splitlines()
    assert any("latin1.py:1:6: not valid UTF-8 (byte 0xe9), not checked" in l for l in err)
    assert any("binary.py: binary file (contains NUL bytes), not checked" in l for l in err)
    assert any("missing.py: no such file or folder" in l for l in err)
    assert any("broken.py:3:7: syntax error" in l for l in err)
    assert all(l.startswith(("error:", "warning:")) for l in err)
    found = {(os.path.basename(d["filename"]), d["code"]) for d in result.json()}
    assert found == {("ok.py", "SPK001"), ("ok.py", "SPK101"), ("broken.py", "SPK001"),
                     ("latin1.py", None), ("binary.py", None), ("missing.py", None)}


def test_a_file_that_is_not_checked_is_an_error_in_every_output_format(run, project):
    # A non-UTF-8 file alone: never "All checks passed (0 files checked)".
    path = project.write("latin1.py", "x = 1\n# caf\xe9\n".encode("latin-1"), mode="wb")
    text = run("check", path)
    assert text.code == 1
    assert text.err == f"error: {path}:2:6: not valid UTF-8 (byte 0xe9), not checked\n"
    assert text.out == "1 error; no problems found in the 0 files checked.\n"
    assert run("check", path, "--exit-zero").code == 1  # --exit-zero forgives findings, not errors

    [error] = run("check", path, "--output-format", "json").json()
    assert error["code"] is None and error["severity"] == "error"
    assert error["filename"] == str(path)
    assert error["message"] == "not valid UTF-8 (byte 0xe9), not checked"
    assert error["location"] == {"row": 2, "column": 6}
    [row] = run("check", path, "--statistics", "--output-format", "json").json()
    assert row["code"] is None and row["count"] == 1

    sarif = run("check", path, "--output-format", "sarif").json()
    [invocation] = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "not valid UTF-8" in note["message"]["text"]
    location = note["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == path.as_posix()
    assert location["region"] == {"startLine": 2, "startColumn": 6}

    github = run("check", path, "--output-format", "github")
    assert github.code == 1
    assert github.out.startswith(f"::error title=sparkmigrate,file={path},line=2,col=6::{path}:2:6: not valid UTF-8")

    # With findings elsewhere, the summary counts both.
    project.write("legacy.py", LEGACY)
    both = run("check", project.root)
    assert both.code == 1
    assert both.out.splitlines()[-1] == "Found 2 problems in 1 of 1 file; 1 error."


def test_max_file_size_from_pyproject_and_flags(run, project):
    project.write("pyproject.toml", '[tool.sparkmigrate]\nmax-file-size = "1KB"\n')
    big = project.write("big.py", LEGACY + "# padding\n" * 100)  # 1,137 bytes
    small = project.write("small.py", LEGACY)
    result = run("check", ".", "--output-format", "json", cwd=project.root)
    assert result.code == 1
    assert result.err == ("error: ./big.py: 1.1 KiB, over the maximum file size of 1000 bytes "
                          "(max-file-size in pyproject.toml, --max-file-size), not checked\n")
    rows = {(os.path.basename(d["filename"]), d["code"]) for d in result.json()}
    assert rows == {("big.py", None), ("small.py", "SPK001"), ("small.py", "SPK101")}

    # The flag wins over the file; a size in bytes, a unit, and 0 for no limit.
    for value in ("2048", "2KiB", "0"):
        assert codes(run("check", ".", "--max-file-size", value, "--output-format", "json", cwd=project.root)) == [
            ("SPK001", 4), ("SPK001", 4), ("SPK101", 5), ("SPK101", 5)]
    assert run("check", big, "--max-file-size", "1000B").code == 1
    project.write("pyproject.toml", "[tool.sparkmigrate]\nmax-file-size = 1137\n")
    assert codes(run("check", big, "--output-format", "json")) == [("SPK001", 4), ("SPK101", 5)]

    # Bad values are configuration errors, on one line.
    bad = run("check", small, "--max-file-size", "huge")
    assert bad.code == 2
    assert bad.err == ('sparkmigrate check: --max-file-size must be a number of bytes or a size such as "16MiB" '
                       'or "500KB" (0 for no limit)\n')
    project.write("pyproject.toml", "[tool.sparkmigrate]\nmax-file-size = -5\n")
    broken = run("check", small)
    assert broken.code == 2
    assert f"error: {project.root}/pyproject.toml:2: max-file-size must be a number of bytes" in broken.err
    assert run("fix", small, "--max-file-size", "1.5MB").code == 2
    assert run("explain", small, "--max-file-size", "-1").code == 2


def test_only_regular_files_are_read(run, project):
    # Links to devices, FIFOs and folders named .py never hang a check: each is one error line.
    os.symlink("/dev/zero", project.root / "zero.py")
    os.symlink("/dev/urandom", project.root / "random.py")
    os.mkfifo(project.root / "fifo.py")
    (project.root / "folder.py").mkdir()
    legacy = project.write("legacy.py", LEGACY)
    named = [project.root / n for n in ("zero.py", "random.py", "fifo.py")]
    result = run("check", *named, legacy)
    assert result.code == 1
    assert sorted(result.err.splitlines()) == [
        f"error: {project.root}/fifo.py: not a regular file (a FIFO), not checked",
        f"error: {project.root}/random.py: not a regular file (a character device), not checked",
        f"error: {project.root}/zero.py: not a regular file (a character device), not checked",
    ]
    assert result.out.splitlines()[-1] == "Found 2 problems in 1 of 1 file; 3 errors."
    # A folder walk skips them silently, as it always did.
    walked = run("check", project.root)
    assert walked.err == "" and walked.out.splitlines()[-1] == "Found 2 problems in 1 of 1 file."
    assert run("fix", *named).code == 1
    assert run("check", "--runtime-report", named[0], legacy).code == 2


def test_large_file(run, project):
    # 10 MB of realistic code: DataFrame functions with a legacy call every 50 functions.
    clean = (
        "def f{i}(df):\n"
        "    out = df.select(\"a\", \"b\").where(F.col(\"a\") > {i})\n"
        "    return out.groupBy(\"b\").agg(F.sum(\"a\").alias(\"s\"))\n\n"
    )
    legacy = "def g{i}():\n    return spark.sparkContext.parallelize([{i}]).count()\n\n"
    parts = ["from pyspark.sql import SparkSession, functions as F\nspark = SparkSession.builder.getOrCreate()\n"]
    size, i = 0, 0
    while size < 10 * 1024 * 1024:
        part = legacy.format(i=i) if i % 50 == 0 else clean.format(i=i)
        parts.append(part)
        size += len(part)
        i += 1
    path = project.write("big.py", "".join(parts))
    assert path.stat().st_size >= 10 * 1024 * 1024
    # A hang guard, not a speed target (bench/ measures speed): the sanitizer build run by the
    # test command takes minutes on 10 MB.
    result = run("check", path, "--statistics", "--output-format", "json", timeout=900)
    stats = {row["code"]: row["count"] for row in result.json()}
    assert stats == {"SPK101": (i + 49) // 50}


def test_parallel_and_serial_runs_agree(run, project):
    for i in range(20):
        project.write(f"pkg/m{i}.py", LEGACY if i % 3 else CLEAN)
    serial = run("check", project.root, "--jobs", "1", "--output-format", "json").json()
    parallel = run("check", project.root, "--jobs", "4", "--output-format", "json").json()
    assert serial == parallel and len(serial) == 26


def test_rule_command(run):
    result = run("rule", "SPK101")
    assert result.code == 0
    assert result.out.startswith("<!-- Generated from rules/SPK101.toml")
    assert "## Why it breaks under Spark Connect" in result.out
    assert run("rule", "SPK999").code == 2
    listing = run("rule", "--list", "--output-format", "json").json()
    assert any(r["code"] == "SPK101" for r in listing)


def test_runtime_report_merge(run, project):
    path = project.write("job.py", LEGACY + "x = sc.emptyRDD()\n")
    report = project.write("report.json", json.dumps({
        "format": "sparkmigrate-runtime-report", "version": 1, "mode": "shim",
        "records": [
            {"file": str(path), "line": 5, "api": "SparkContext.parallelize", "code": "SPK101", "count": 42, "outcome": "shimmed"},
            {"file": str(path), "line": 4, "api": "SparkSession.sparkContext", "code": "SPK001", "count": 7, "outcome": "shimmed"},
            {"file": str(path), "line": 6, "api": "SparkContext.emptyRDD", "code": "SPK103", "count": 3, "outcome": "shimmed"},
            {"file": "/elsewhere/other.py", "line": 1, "api": "SparkContext.range", "code": "SPK102", "count": 1, "outcome": "shimmed"},
        ],
    }))
    result = run("check", path, "--runtime-report", report, "--output-format", "json")
    rows = [(d["code"], d["location"]["row"], d.get("runtime")) for d in result.json()]
    assert rows[0] == ("SPK101", 5, {"api": "SparkContext.parallelize", "count": 42, "outcome": "shimmed",
                                     "static": True})
    assert rows[1] == ("SPK001", 4, {"api": "SparkSession.sparkContext", "count": 7, "outcome": "shimmed",
                                     "static": True})
    assert ("SPK103", 6) in [(c, r) for c, r, _ in rows]
    text = run("check", path, "--runtime-report", report).out
    assert "[seen at run time: 42x]" in text
    bad = project.write("bad.json", '{"format": "something-else"}')
    result = run("check", path, "--runtime-report", bad)
    assert result.code == 2 and "not a sparkmigrate runtime report" in result.err


def test_check_and_fix_follow_imports_between_the_checked_modules(run, project):
    """A helper module that never imports pyspark gets its frames from a sibling module:
    checking the folder, or the helper alone (its folder's modules are read), finds the
    call, and fix rewrites it."""
    project.write("jobs/session.py", "from pyspark.sql import SparkSession\n\n\n"
                  "def load(name):\n    return SparkSession.builder.getOrCreate().table(name)\n")
    helper = project.write("jobs/report.py", "from session import load\n\n\n"
                           "def has_orders():\n    orders = load('orders')\n    return orders.rdd.isEmpty()\n")
    for target in (project.root / "jobs", helper):
        found = run("check", "--isolated", "--output-format", "json", target).json()
        assert [(d["code"], d["location"]["row"]) for d in found] == [("SPK302", 6)], target
    assert run("fix", "--isolated", helper).code == 0
    assert "return orders.isEmpty()" in helper.read_text()
