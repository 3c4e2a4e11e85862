"""Rewrite mode: the job and the modules it imports from its folder run with sparkmigrate's
fixes applied as they are compiled (the real binary, through standard input), on the test
Spark Connect server, with the output classic Spark gives; line numbers stay the user's in
tracebacks and in the report, which says per call site whether it was rewritten or is still
intercepted; nothing on disk changes; the fixes are cached; third-party code is never
touched; without a binary the job runs as written, shimmed.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sparkmigrate_runtime import rewrite
from support import REPO_ROOT, client_environment, line_of, run_python

JOB = textwrap.dedent("""\
    import sys
    from pyspark.sql import SparkSession

    import helpers

    spark = SparkSession.builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    rows = sc.parallelize([(1, "a"), (2, "b")]).toDF(["id", "name"])
    print("total:", helpers.total(spark, rows))
    print("json:", sorted(rows.toJSON().collect()))
    if sys.argv[1:] == ["--fail"]:
        helpers.fail()
""")

HELPERS = textwrap.dedent("""\
    from pyspark.sql import SQLContext


    def total(spark, df):
        ctx = SQLContext(spark.sparkContext)
        df.createOrReplaceTempView("t")
        return ctx.sql("select sum(id) as s from t").collect()[0].s


    def fail():
        raise ValueError("boom")
""")

EXPECTED = ["total: 3", 'json: [\'{"id":1,"name":"a"}\', \'{"id":2,"name":"b"}\']']


def binary() -> str:
    path = os.environ.get("SPARKMIGRATE_BIN", str(REPO_ROOT / "build" / "sparkmigrate"))
    assert os.access(path, os.X_OK), f"sparkmigrate binary not found at {path} (make build)"
    return path


@pytest.fixture
def job(tmp_path):
    folder = tmp_path / "job"
    folder.mkdir()
    (folder / "job.py").write_text(JOB)
    (folder / "helpers.py").write_text(HELPERS)
    return folder


def run_job(server, folder, *options, cache, bin_path=None, args=()):
    report = folder.parent / "report.json"
    env = client_environment(server.url, SPARKMIGRATE_RUNTIME_CACHE=str(cache),
                             SPARKMIGRATE_BIN=bin_path or binary())
    done = run_python(["-m", "sparkmigrate_runtime", "--mode", "rewrite", "--report", str(report),
                       *options, str(folder / "job.py"), *args], env, cwd=folder.parent)
    records = json.loads(report.read_text())["records"] if report.exists() else []
    return done, records


def sites(records, outcome):
    return sorted((Path(r["file"]).name, r["line"], r["code"]) for r in records if r["outcome"] == outcome)


def test_unsafe_fixes_rewrite_every_site_and_the_job_runs(spark_connect_server, job, tmp_path):
    before = {p.name: p.read_bytes() for p in job.iterdir()}
    done, records = run_job(spark_connect_server, job, "--unsafe-fixes", cache=tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == EXPECTED
    # Every finding was fixed as its module was imported, at the user's own lines.
    jobs, helpers = job / "job.py", job / "helpers.py"
    assert sites(records, "rewritten") == sorted([
        ("job.py", line_of(jobs, "sc = spark.sparkContext"), "SPK001"),
        ("job.py", line_of(jobs, "setLogLevel"), "SPK110"),
        ("job.py", line_of(jobs, "parallelize"), "SPK101"),
        ("job.py", line_of(jobs, "toJSON"), "SPK401"),
        ("helpers.py", line_of(helpers, "SQLContext(spark"), "SPK001"),
        ("helpers.py", line_of(helpers, "SQLContext(spark"), "SPK501"),
        ("helpers.py", line_of(helpers, "ctx.sql"), "SPK502"),
    ])
    assert sites(records, "shimmed") == [] and sites(records, "raised") == []
    assert {p.name: p.read_bytes() for p in job.iterdir()} == before  # nothing written, no __pycache__


def test_safe_fixes_rewrite_some_sites_and_the_shim_takes_the_rest(spark_connect_server, job, tmp_path):
    done, records = run_job(spark_connect_server, job, cache=tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == EXPECTED
    jobs, helpers = job / "job.py", job / "helpers.py"
    assert sites(records, "rewritten") == sorted([
        ("job.py", line_of(jobs, "setLogLevel"), "SPK110"),
        ("helpers.py", line_of(helpers, "ctx.sql"), "SPK502"),
    ])
    shimmed = sites(records, "shimmed")
    assert ("job.py", line_of(jobs, "parallelize"), "SPK101") in shimmed
    assert ("helpers.py", line_of(helpers, "SQLContext(spark"), "SPK501") in shimmed
    # `sparkmigrate check --runtime-report` says which static findings were rewritten on import.
    merged = subprocess.run([binary(), "check", "--output-format", "json", "--runtime-report",
                             str(job.parent / "report.json"), str(job)], capture_output=True, text=True)
    outcomes = {(Path(f["filename"]).name, f["location"]["row"], f["code"]): f["runtime"]["outcome"]
                for f in json.loads(merged.stdout) if "runtime" in f}
    assert outcomes[("job.py", line_of(jobs, "setLogLevel"), "SPK110")] == "rewritten"
    assert outcomes[("job.py", line_of(jobs, "parallelize"), "SPK101")] == "shimmed"
    text = subprocess.run([binary(), "check", "--runtime-report", str(job.parent / "report.json"),
                           str(jobs)], capture_output=True, text=True).stdout
    assert "[rewritten on import]" in text and "[seen at run time: 1x]" in text


def test_tracebacks_name_the_users_lines_and_the_cache_serves_the_second_run(
        spark_connect_server, job, tmp_path):
    calls = tmp_path / "calls.log"
    counting = tmp_path / "sparkmigrate"
    counting.write_text(f'#!/bin/sh\necho "$1" >> {calls}\nexec {binary()} "$@"\n')
    counting.chmod(counting.stat().st_mode | stat.S_IXUSR)
    cache = tmp_path / "cache"
    done, _ = run_job(spark_connect_server, job, "--unsafe-fixes", cache=cache, bin_path=str(counting),
                      args=["--fail"])
    assert done.returncode != 0
    # helpers.py lost two lines to the fixes; the traceback still names line 11 and shows it.
    assert f'File "{job / "helpers.py"}", line {line_of(job / "helpers.py", "raise ValueError")}, in fail' \
        in done.stderr
    assert 'raise ValueError("boom")' in done.stderr and "ValueError: boom" in done.stderr
    assert f'File "{job / "job.py"}", line {line_of(job / "job.py", "helpers.fail()")}' in done.stderr
    first = calls.read_text().split()
    assert first.count("fix") == 4  # job.py and helpers.py: cached model rewrites, then rule fixes
    done, records = run_job(spark_connect_server, job, "--unsafe-fixes", cache=cache, bin_path=str(counting))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == EXPECTED
    assert calls.read_text().split() == first  # compiled from the cache: the binary was not run
    assert len(sites(records, "rewritten")) == 7
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 2 and all(stat.S_IMODE(e.stat().st_mode) == 0o600 for e in entries)


def test_without_a_binary_the_job_runs_as_written_and_shimmed(spark_connect_server, job, tmp_path):
    done, records = run_job(spark_connect_server, job, cache=tmp_path / "cache",
                            bin_path=str(tmp_path / "missing" / "sparkmigrate"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == EXPECTED
    assert "not rewritten" in done.stderr or "cannot use" in done.stderr
    assert sites(records, "rewritten") == []
    assert ("job.py", line_of(job / "job.py", "parallelize"), "SPK101") in sites(records, "shimmed")


def test_module_form_and_extra_paths(spark_connect_server, tmp_path):
    package = tmp_path / "etl"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "job.py").write_text(JOB.replace("import helpers", "from lib import helpers"))
    lib = tmp_path / "shared" / "lib"
    lib.mkdir(parents=True)
    (lib / "__init__.py").write_text("")
    (lib / "helpers.py").write_text(HELPERS)
    report = tmp_path / "report.json"
    env = client_environment(spark_connect_server.url, SPARKMIGRATE_RUNTIME_CACHE=str(tmp_path / "cache"),
                             SPARKMIGRATE_BIN=binary(), PYTHONPATH=os.pathsep.join(
                                 [client_environment(None)["PYTHONPATH"], str(tmp_path / "shared")]))
    done = run_python(["-m", "sparkmigrate_runtime", "--mode", "rewrite", "--unsafe-fixes", "--report",
                       str(report), "--rewrite-path", str(tmp_path / "shared"), "-m", "etl.job"], env,
                      cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == EXPECTED
    rewritten = sites(json.loads(report.read_text())["records"], "rewritten")
    assert {name for name, _, _ in rewritten} == {"job.py", "helpers.py"}


MODEL_JOB = textwrap.dedent("""\
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()


    def partitions(df):
        return df.rdd.getNumPartitions()


    print("partitions:", partitions(spark.range(12).repartition(3)))
""")

MODEL_ANSWER = {
    "code": "def partitions(df):\n"
            "    return df.select(F.spark_partition_id()).distinct().count()",
    "imports": ["from pyspark.sql import functions as F"],
}


def test_validated_model_rewrites_from_the_answer_cache_are_applied(spark_connect_server, tmp_path):
    sys.path.insert(0, str(REPO_ROOT / "test" / "python"))
    from llm_servers import Reply, ScriptedServer

    folder = tmp_path / "job"
    folder.mkdir()
    (folder / "job.py").write_text(MODEL_JOB)
    answers = tmp_path / "answers"
    loopback = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    with ScriptedServer("openai", Reply(json.dumps(MODEL_ANSWER))) as server:
        (folder / "pyproject.toml").write_text(
            f'[tool.sparkmigrate.llm]\nbackend = "openai"\nbase-url = "{server.base_url}"\n'
            f'model = "{server.model}"\nstream = false\n')
        asked = subprocess.run([binary(), "fix", "--llm", "job.py"], cwd=folder, capture_output=True,
                               text=True, env={**os.environ, **loopback,
                                               "SPARKMIGRATE_CACHE_DIR": str(answers)})
        assert asked.returncode == 0 and "LLM: 1 validated" in asked.stderr, asked.stderr
        assert len(server.requests) == 1
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        report = tmp_path / "report.json"
        env = client_environment(spark_connect_server.url, SPARKMIGRATE_RUNTIME_CACHE=str(tmp_path / "cache"),
                                 SPARKMIGRATE_BIN=binary(), SPARKMIGRATE_CACHE_DIR=str(answers), **loopback)
        done = run_python(["-m", "sparkmigrate_runtime", "--mode", "rewrite", "--report", str(report),
                           str(folder / "job.py")], env, cwd=tmp_path)
        assert len(server.requests) == 1  # the run never asked the model
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["partitions: 3"]
    records = json.loads(report.read_text())["records"]
    assert sites(records, "rewritten") == [("job.py", line_of(folder / "job.py", "getNumPartitions"), "SPK305")]
    assert sites(records, "shimmed") == []
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    # Without the answer, the same job is shimmed at that line.
    env["SPARKMIGRATE_CACHE_DIR"] = str(tmp_path / "no-answers")
    done = run_python(["-m", "sparkmigrate_runtime", "--mode", "rewrite", "--report", str(report),
                       str(folder / "job.py")], env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["partitions: 3"]
    records = json.loads(report.read_text())["records"]
    assert sites(records, "rewritten") == []
    assert ("job.py", line_of(folder / "job.py", "getNumPartitions"), "SPK305") in sites(records, "shimmed")


def test_line_map_and_scope(tmp_path):
    before = "a\nb\nc\nd\n"
    assert rewrite.line_map(before, before) == [1, 2, 3, 4]
    assert rewrite.line_map(before, "a\nc\nd\n") == [1, 3, 4]          # a line removed
    assert rewrite.line_map(before, "a\nx\nb\nc\nd\n") == [1, 2, 2, 3, 4]  # a line inserted
    assert rewrite.line_map(before, "a\nB\nc\nd\n") == [1, 2, 3, 4]    # a line changed
    assert rewrite.line_map("a\r\nb\r\n", "b\r\n") == [2]
    rewriter = rewrite.Rewriter([str(tmp_path)], binary=binary())
    (tmp_path / "mod.py").write_text("x = 1\n")
    assert rewriter.covers(str(tmp_path / "mod.py"))
    assert not rewriter.covers(str(tmp_path / "data.txt"))
    assert not rewriter.covers(str(tmp_path / ".venv" / "lib" / "python3" / "site-packages" / "pkg.py"))
    assert not rewriter.covers(os.__file__)  # the standard library
    assert not rewriter.covers(rewrite.__file__)
