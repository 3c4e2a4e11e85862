"""Jupyter notebooks (.ipynb) through the real binary: code cells checked as one
document with the notebook globals, IPython syntax skipped, findings reported per
cell, files that are not notebooks reported, and fixes and noqa comments written
back into the changed cells only, every other byte of the file kept."""
import json


def notebook(*cells, language="python"):
    def cell(kind, source):
        out = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            out.update(execution_count=None, outputs=[])
        return out

    return json.dumps({
        "cells": [cell(kind, source) for kind, source in cells],
        "metadata": {"kernelspec": {"language": language, "name": "k", "display_name": "k"},
                     "language_info": {"name": language}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }, indent=1) + "\n"


CELLS = [
    ("code", ["%pip install pandas\n", "import pandas as pd"]),
    ("markdown", ["# Load\n", "sc.parallelize is described here, not run"]),
    ("code", ["!ls /data\n", "rows = sc.parallelize([1, 2, 3])\n", "files = !ls\n", "pd?"]),
    ("code", "%%sql\nSELECT sc.parallelize FROM t\n"),
    ("code", ["df = spark.range(3)\n", "\n", "spark.sparkContext.setLogLevel(\"WARN\")"]),
]


def test_findings_are_reported_per_cell(run, project):
    path = project.write("analysis.ipynb", notebook(*CELLS))
    result = run("check", path, "--output-format", "json")
    assert result.code == 1, result.err
    found = sorted((d["cell"], d["location"]["row"], d["location"]["column"], d["code"]) for d in result.json())
    # `sc` and `spark` are the notebook's globals; magics, shell lines, help and the
    # %%sql cell are not Python, and markdown is not code.
    assert found == [(3, 2, 8, "SPK101"), (5, 3, 1, "SPK110")]
    assert all(d["noqa_row"] == d["location"]["row"] for d in result.json())
    text = run("check", path).out
    assert f"{path}:cell 3:2:8: SPK101 " in text
    assert "2 | rows = sc.parallelize([1, 2, 3])" in text  # the frame numbers the cell's lines
    assert f"{path}:cell 5:3:1: SPK110 [*] " in text
    sarif = run("check", path, "--output-format", "sarif").json()
    assert any(r["message"]["text"].startswith("cell 3: ") for r in sarif["runs"][0]["results"])


def test_folders_include_notebooks_but_not_checkpoints(run, project):
    project.write("nb/a.ipynb", notebook(*CELLS))
    project.write("nb/.ipynb_checkpoints/a-checkpoint.ipynb", notebook(*CELLS))
    project.write("nb/clean.ipynb", notebook(("code", "df = spark.range(3)\n")))
    result = run("check", project.root, "--output-format", "json")
    assert {d["filename"] for d in result.json()} == {str(project.root / "nb" / "a.ipynb")}
    assert "All checks passed (1 file checked)" in run("check", project.root / "nb" / "clean.ipynb").out


def test_broken_and_foreign_notebooks(run, project):
    broken = project.write("broken.ipynb", '{"cells": [')
    old = project.write("old.ipynb", json.dumps({"nbformat": 3, "worksheets": []}))
    scala = project.write("scala.ipynb", notebook(("code", "val rdd = sc.parallelize(1 to 3)\n"), language="scala"))
    legacy = project.write("job.py", "from pyspark import SparkContext\nsc = SparkContext()\n")
    result = run("check", broken, old, scala, legacy)
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {broken}: not a notebook (the file is not JSON), not checked",
                      f"error: {old}: not a notebook sparkmigrate reads (nbformat 4 only), not checked"]
    assert f"warning: {scala}: a scala notebook, not Python; skipped" in result.err
    assert f"{legacy}:2:6: SPK005 " in result.out  # the rest is still checked


def code_sources(text):
    return [c["source"] for c in json.loads(text)["cells"]]


def test_fix_writes_back_only_the_changed_cells(run, project):
    legacy = ("code", ["from pyspark.sql import SQLContext\n", "sqlContext = SQLContext(sc)\n",
                       "df2 = sqlContext.createDataFrame([(1,)], ['a'])\n", "%time df2.count()"])
    text = notebook(*CELLS, legacy, ("markdown", "Caf\u00e9 notes"))
    path = project.write("analysis.ipynb", text)
    diff = run("fix", "--unsafe-fixes", "--diff", path)
    assert path.read_text() == text and diff.out.startswith(f"--- {path}\n+++ {path}\n")
    assert '-    "spark.sparkContext.setLogLevel(\\"WARN\\")"' in diff.out

    result = run("fix", "--unsafe-fixes", path)
    assert result.code == 1, result.err  # the RDD cell needs judgement
    assert "Fixed 3 findings in 1 file (SPK110 1, SPK501 1, SPK502 1); 1 remaining" in result.out
    assert f"{path}:cell 3:2:8: SPK101 " in result.out
    after = path.read_text()
    before_sources, after_sources = code_sources(text), code_sources(after)
    assert after_sources[5] == ["df2 = spark.createDataFrame([(1,)], ['a'])\n", "%time df2.count()"]
    assert after_sources[4][:2] == before_sources[4][:2]
    assert after_sources[4][2].startswith("# sparkmigrate: removed spark.sparkContext.setLogLevel(")
    # Every other cell, and everything outside the two changed sources, is as it was.
    assert [s for i, s in enumerate(after_sources) if i not in (4, 5)] == \
        [s for i, s in enumerate(before_sources) if i not in (4, 5)]
    strip = lambda t: [{k: v for k, v in c.items() if k != "source"} for c in json.loads(t)["cells"]]
    assert strip(after) == strip(text)
    unchanged = [line for line in text.splitlines() if "setLogLevel" not in line and "SQLContext" not in line
                 and "sqlContext" not in line]
    assert [line for line in after.splitlines() if "spark.createDataFrame" not in line
            and "sparkmigrate: removed" not in line] == unchanged
    again = run("check", path, "--output-format", "json")
    assert [(d["cell"], d["code"]) for d in again.json()] == [(3, "SPK101")]


def test_fix_from_stdin_prints_the_notebook(run, project):
    text = notebook(("code", ["df = spark.range(3)\n", "spark.sparkContext.setLogLevel(\"WARN\")\n"]))
    result = run("fix", "-", "--stdin-filename", "nb.ipynb", input=text)
    assert result.code == 0, result.err
    fixed = json.loads(result.out)
    source = fixed["cells"][0]["source"]
    assert source[0] == "df = spark.range(3)\n" and source[1].startswith("# sparkmigrate: removed ")
    assert "Fixed 1 finding" in result.err


def test_add_noqa_in_cells(run, project):
    text = notebook(*CELLS)
    path = project.write("analysis.ipynb", text)
    result = run("check", "--add-noqa", path)
    assert "Added 2 noqa comments (2 findings suppressed)." in result.out, result.err
    sources = code_sources(path.read_text())
    assert sources[2][1] == "rows = sc.parallelize([1, 2, 3])  # noqa: SPK101\n"
    assert sources[2][0] == "!ls /data\n" and sources[2][3] == "pd?" and sources[0][0] == "%pip install pandas\n"
    assert sources[4][2] == 'spark.sparkContext.setLogLevel("WARN")  # noqa: SPK110'
    assert "All checks passed" in run("check", path).out


def test_a_cell_that_holds_a_separator_line_is_left_as_it_is(run, project):
    text = notebook(("code", ["x = 1\n", "# COMMAND ----------\n", "spark.sparkContext.setLogLevel(\"WARN\")\n"]))
    path = project.write("tricky.ipynb", text)
    result = run("fix", path)
    assert path.read_text() == text
    assert f"error: {path}: the change could not be put back into the notebook's cells; left as it is" in result.err
    assert result.code == 1
