"""The bundled examples migrate to working Spark Connect code.

The examples are copied to a temporary folder and fixed with `sparkmigrate fix
--unsafe-fixes`. The fixable ones (examples/legacy_etl, examples/notebooks) must have no
finding left; examples/needs_judgement must be left as it was, its findings reported as
remaining. Then the ORIGINAL legacy job (`python -m legacy_etl` from the examples folder)
runs on classic local Spark and the FIXED one against a real local Spark Connect server
(started for this module only, stopped at its end), and both must print exactly the same
lines.

The notebook is only checked for being fully fixed: it uses Databricks' `display()` and
the notebook globals, so it does not run as a plain script on either engine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, binary

sys.path.insert(0, str(ROOT / "runtime" / "python" / "tests"))
from spark_server import SparkConnectServer, spark_environment  # noqa: E402

FIXABLE = ["legacy_etl", "notebooks"]


def copy_examples(target: Path) -> Path:
    shutil.copytree(ROOT / "examples", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def findings(path: Path) -> list[dict]:
    proc = subprocess.run([binary(), "check", "--isolated", "--output-format", "json", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    work = tmp_path_factory.mktemp("examples-on-connect")
    original = copy_examples(work / "original")
    fixed = copy_examples(work / "fixed")
    proc = subprocess.run([binary(), "fix", "--isolated", "--unsafe-fixes", str(fixed)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the judgement cases remain
    return {"work": work, "original": original, "fixed": fixed, "fix": proc}


@pytest.mark.parametrize("folder", FIXABLE)
def test_fixable_examples_have_no_findings_left(examples, folder):
    assert findings(examples["original"] / folder), "the example has nothing to fix"
    left = findings(examples["fixed"] / folder)
    assert left == [], "\n".join(f"{d['filename']}:{d['location']['row']} {d['code']}" for d in left)


def test_the_judgement_example_is_explained_and_left_alone(examples):
    name = "needs_judgement/word_count.py"
    assert (examples["fixed"] / name).read_text() == (ROOT / "examples" / name).read_text()
    codes = {d["code"] for d in findings(examples["fixed"] / name)}
    assert {"SPK104", "SPK108", "SPK109", "SPK305", "SPK309", "SPK119"} <= codes
    assert "remaining" in examples["fix"].stdout + examples["fix"].stderr


def run_job(folder: Path, remote: str | None) -> subprocess.CompletedProcess:
    env = spark_environment()
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if remote:
        env["SPARK_REMOTE"] = remote
    else:
        env["PYSPARK_SUBMIT_ARGS"] = "--conf spark.ui.enabled=false pyspark-shell"
    return subprocess.run([sys.executable, "-m", "legacy_etl"], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL)


def test_fixed_legacy_job_prints_the_same_on_connect(examples):
    fixed_jobs = (examples["fixed"] / "legacy_etl" / "jobs.py").read_text()
    assert "SparkContext" not in fixed_jobs and "sqlContext" not in fixed_jobs
    classic = run_job(examples["original"], None)
    assert classic.returncode == 0, classic.stderr[-4000:]
    remote = os.environ.get("SPARKMIGRATE_TEST_REMOTE")
    server = None
    if not remote:
        server = SparkConnectServer(examples["work"] / "server")
        server.start()
        remote = server.url
    try:
        connect = run_job(examples["fixed"], remote)
    finally:
        if server:
            server.stop()
    assert connect.returncode == 0, connect.stderr[-4000:]
    assert "run date: 2024-01-31" in classic.stdout
    assert '{"state":"NY","total":42}' in classic.stdout
    assert connect.stdout == classic.stdout
