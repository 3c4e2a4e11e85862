"""`sparkmigrate fix` and `check --fix` end to end on the real binary: safe fixes by
default, unsafe ones only with --unsafe-fixes, --diff writes nothing, writes keep the
file mode and go through a rename, configuration (pyproject.toml, --select/--ignore) is
honoured, fixing is idempotent, exit codes follow check's, and the bundled examples are
fixed into code that parses and that check no longer flags for the fixed rules."""

from __future__ import annotations

import os
import shutil
import stat

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LEGACY = """\
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext  # the context
df = spark.table("t")
if df.rdd.isEmpty():  # empty?
    rows = sc.parallelize([(1, "a")]).toDF(["id", "v"])
"""


def test_fix_applies_safe_fixes_and_reports_what_is_left(run, project):
    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", path)
    assert result.code == 1  # the unsafe parallelize rewrite is left
    text = path.read_text()
    assert "if df.isEmpty():  # empty?" in text
    assert "sc.parallelize" in text
    assert "Fixed 1 finding" in result.out
    assert "1 fixable with --unsafe-fixes" in result.out


def test_unsafe_fixes_reach_a_clean_file_and_a_second_run_changes_nothing(run, project):
    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", "--unsafe-fixes", path)
    assert result.code == 0, result.out + result.err
    text = path.read_text()
    assert "rows = spark.createDataFrame([(1, \"a\")], [\"id\", \"v\"])" in text
    assert "sparkContext" not in text
    assert "# the context" in text  # comments around a removed statement stay
    again = run("fix", "--isolated", "--unsafe-fixes", path)
    assert again.code == 0
    assert path.read_text() == text
    assert "Fixed 0 findings" in again.out


def test_diff_prints_a_unified_diff_and_writes_nothing(run, project):
    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", "--diff", path)
    assert path.read_text() == LEGACY
    assert f"--- {path}" in result.out
    assert "-if df.rdd.isEmpty():  # empty?" in result.out
    assert "+if df.isEmpty():  # empty?" in result.out
    assert "Would fix 1 finding" in result.err


def test_check_fix_is_an_alias(run, project):
    path = project.write("job.py", LEGACY)
    result = run("check", "--fix", "--isolated", path)
    assert "if df.isEmpty()" in path.read_text()
    assert "Fixed 1 finding" in result.out


def test_diff_and_unsafe_fixes_need_fix(run, project):
    path = project.write("job.py", LEGACY)
    assert run("check", "--diff", path).code == 2
    assert run("check", "--unsafe-fixes", path).code == 2


def test_write_keeps_the_file_mode_and_leaves_no_temporary_file(run, project):
    path = project.write("job.py", LEGACY)
    os.chmod(path, 0o640)
    run("fix", "--isolated", path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in project.root.iterdir()) == ["job.py"]


def test_select_ignore_and_pyproject_are_honoured(run, project):
    path = project.write("job.py", LEGACY)
    run("fix", "--isolated", "--unsafe-fixes", "--ignore", "SPK302", path)
    assert "df.rdd.isEmpty()" in path.read_text()
    assert "spark.createDataFrame" in path.read_text()

    path.write_text(LEGACY)
    project.write("pyproject.toml", "[tool.sparkmigrate]\nignore = [\"SPK101\"]\n")
    run("fix", "--unsafe-fixes", path, cwd=project.root)
    text = path.read_text()
    assert "df.isEmpty()" in text and "sc.parallelize" in text


def test_clean_file_exits_zero_and_is_untouched(run, project):
    text = "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
    path = project.write("ok.py", text)
    result = run("fix", "--isolated", path)
    assert result.code == 0
    assert path.read_text() == text


def test_json_output_keeps_stdout_valid(run, project):
    import json

    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", "--output-format", "json", path)
    findings = json.loads(result.out)
    assert [f["code"] for f in findings] == ["SPK001", "SPK101"]
    assert findings[1]["fix"]["applicability"] == "unsafe"
    assert "Fixed 1 finding" in result.err


def test_check_json_carries_fix_edits(run, project):
    import json

    path = project.write("job.py", LEGACY)
    findings = json.loads(run("check", "--isolated", "--output-format", "json", path).out)
    by_code = {f["code"]: f for f in findings}
    assert by_code["SPK302"]["fix"]["applicability"] == "safe"
    assert by_code["SPK302"]["fix"]["edits"][0]["content"] == ""
    assert path.read_text() == LEGACY


def test_bom_is_kept(run, project):
    path = project.write("bom.py", ("\ufeff" + LEGACY).encode("utf-8"), mode="wb")
    run("fix", "--isolated", path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"df.isEmpty()" in data


def test_bundled_examples_are_fixed_into_code_that_parses(run, tmp_path):
    import ast

    target = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", target)
    result = run("fix", "--isolated", "--unsafe-fixes", target)
    assert result.code in (0, 1)
    jobs = (target / "legacy_etl" / "jobs.py").read_text()
    for legacy in ("rdd.isEmpty()", "sc.parallelize", "DataFrame.unionByName", "toJSON()",
                   "registerDataFrameAsTable", "getConf()", "setLogLevel(\"WARN\")\n"):
        assert legacy not in jobs, legacy
    for path in target.rglob("*.py"):
        ast.parse(path.read_text(), str(path))
    again = run("fix", "--isolated", "--unsafe-fixes", target)
    assert "Fixed 0 findings" in again.out


def test_a_file_with_a_syntax_error_is_not_touched(run, project):
    broken = LEGACY + "def broken(:\n"
    path = project.write("broken.py", broken)
    result = run("fix", "--isolated", path)
    assert result.code == 1
    assert path.read_text() == broken
    assert "syntax error; not fixed" in result.err
