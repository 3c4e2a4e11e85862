"""End to end: a legacy job runs on a real Spark Connect server under the shim, which writes
its report; `sparkmigrate check --runtime-report` (the real binary) then merges that report
into the static findings, marking what was seen at run time with its counts, hottest first.
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap

from support import REPO_ROOT, client_environment, run_python

JOB = textwrap.dedent("""\
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    sc = spark.sparkContext
    totals = []
    for i in range(4):
        numbers = sc.parallelize([i, i + 1, i + 2])
        totals.append(numbers.sum())
    print(totals, sc.getConf().get("spark.app.name") is not None)
""")


def binary() -> str:
    path = os.environ.get("SPARKMIGRATE_BIN", str(REPO_ROOT / "build" / "sparkmigrate"))
    assert os.access(path, os.X_OK), f"sparkmigrate binary not found at {path} (make build)"
    return path


def test_runtime_report_merges_into_static_findings(spark_connect_server, tmp_path):
    job = tmp_path / "job.py"
    job.write_text(JOB)
    report = tmp_path / "report.json"
    done = run_python(["-m", "sparkmigrate_runtime", "--report", str(report), str(job)],
                      client_environment(spark_connect_server.url), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[3, 6, 9, 12] True"
    records = json.loads(report.read_text())["records"]
    by_line = {}
    for r in records:
        by_line.setdefault(r["line"], []).append(r)
    assert {r["code"]: r["count"] for r in by_line[7]}["SPK101"] == 4

    checked = subprocess.run(
        [binary(), "check", str(job), "--runtime-report", str(report), "--output-format", "json"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert checked.returncode == 1, checked.stderr
    findings = json.loads(checked.stdout)
    rows = [(f["code"], f["location"]["row"], f.get("runtime")) for f in findings]

    # Static findings that ran are marked with the shim's counts.
    parallelize = next(r for r in rows if r[0] == "SPK101")
    assert parallelize[1] == 7
    assert parallelize[2]["count"] == 4 and parallelize[2]["static"] is True
    context = next(r for r in rows if r[0] == "SPK001")
    assert context[1] == 4 and context[2]["count"] >= 1 and context[2]["static"] is True
    # Every line the shim saw is represented, statically found or added as run-time only.
    seen_lines = {row for _, row, runtime in rows if runtime}
    assert set(by_line) <= seen_lines
    # Hottest first.
    counts = [runtime["count"] if runtime else 0 for _, _, runtime in rows]
    assert counts == sorted(counts, reverse=True)

    text = subprocess.run([binary(), "check", str(job), "--runtime-report", str(report)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120).stdout
    assert "[seen at run time: 4x]" in text
