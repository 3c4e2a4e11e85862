"""Jupyter notebooks (.ipynb) through the real binary: code cells checked as one
document with the notebook globals, IPython syntax skipped, findings reported per
cell, files that are not notebooks reported, and notebooks never written by fix."""
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


def test_fix_leaves_notebooks_byte_for_byte(run, project):
    text = notebook(*CELLS)
    path = project.write("analysis.ipynb", text)
    result = run("fix", "--unsafe-fixes", path)
    assert path.read_text() == text
    assert "notebooks are checked but not yet fixed" in result.err
    assert result.code == 1
    noqa = run("check", "--add-noqa", path)
    assert path.read_text() == text and "not yet fixed" in noqa.err
