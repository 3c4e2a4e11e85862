"""The JSON report: recording (call site, api, code, count, outcome), the document format of
docs/runtime-report.md, atomic writing readable by the owner only, the command line with its
secrets redacted, and writing at interpreter exit.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import stat
import sys
import textwrap

import pytest

import sparkmigrate_runtime
from sparkmigrate_runtime import reporting
from sparkmigrate_runtime.reporting import Recorder, redact_argv, write_atomically
from support import client_environment, records, run_python

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def test_recorder_counts_per_site_and_sorts_by_count():
    recorder = Recorder()
    for _ in range(3):
        recorder.record("/a.py", 7, "RDD.map", "SPK306", "shimmed")
    recorder.record("/a.py", 2, "DataFrame.rdd", "SPK301", "shimmed")
    recorder.record("/b.py", 1, "SparkContext.accumulator", "SPK109", "raised")
    recorder.record("/b.py", 1, "SparkContext.accumulator", "SPK109", "raised")
    assert [(r["file"], r["line"], r["api"], r["count"]) for r in recorder.records()] == [
        ("/a.py", 7, "RDD.map", 3),
        ("/b.py", 1, "SparkContext.accumulator", 2),
        ("/a.py", 2, "DataFrame.rdd", 1),
    ]


def test_a_site_that_was_ever_refused_reports_raised():
    recorder = Recorder()
    recorder.record("/a.py", 1, "RDD.partitionBy", "SPK313", "shimmed")
    recorder.record("/a.py", 1, "RDD.partitionBy", "SPK313", "raised")
    assert recorder.records()[0]["outcome"] == "raised"
    assert recorder.records()[0]["count"] == 2


def test_recorder_rejects_unknown_outcome():
    with pytest.raises(ValueError, match="outcome must be"):
        Recorder().record("/a.py", 1, "RDD.map", "SPK306", "maybe")


def test_interceptions_are_recorded_at_the_users_line(install):
    spark = install("shim")
    df = spark.range(3)
    first_line = inspect.currentframe().f_lineno + 2
    for _ in range(3):
        spark.sparkContext
    df.rdd.map(lambda x: x).count()
    second_line = inspect.currentframe().f_lineno - 1

    document = sparkmigrate_runtime.report()
    assert document["records"][0] == {
        "file": __file__, "line": first_line, "api": "SparkSession.sparkContext",
        "code": "SPK001", "count": 3, "outcome": "shimmed",
    }
    others = {(r["line"], r["api"], r["code"], r["count"]) for r in document["records"][1:]}
    assert others == {
        (second_line, "DataFrame.rdd", "SPK301", 1),
        (second_line, "RDD.map", "SPK306", 1),
        (second_line, "RDD.count", "SPK303", 1),
    }


def test_calls_made_by_the_shim_itself_are_not_recorded(sc):
    sc.parallelize([3, 1, 2]).first()  # first() runs take(1) internally
    mine = sorted(r["api"] for r in records() if r["file"] == __file__)
    assert mine == ["RDD.first", "SparkContext.parallelize"]


def test_document_has_the_contract_fields(install, tmp_path):
    spark = install("record")
    line = inspect.currentframe().f_lineno + 2
    with pytest.raises(AttributeError):
        spark.sparkContext
    path = sparkmigrate_runtime.write_report(tmp_path / "out" / "report.json")
    document = json.loads(path.read_text())
    assert document["format"] == "sparkmigrate-runtime-report"
    assert document["version"] == 1
    assert document["mode"] == "record"
    assert TIMESTAMP.match(document["started"]) and TIMESTAMP.match(document["finished"])
    assert document["started"] <= document["finished"]
    assert document["python"] == "%d.%d.%d" % sys.version_info[:3]
    from pyspark.version import __version__
    assert document["pyspark"] == __version__
    assert document["argv"] == redact_argv(sys.argv)
    assert document["records"] == [{
        "file": __file__, "line": line,
        "api": "SparkSession.sparkContext", "code": "SPK001", "count": 1, "outcome": "raised",
    }]


def test_write_report_needs_a_path():
    with pytest.raises(ValueError, match="no report path"):
        sparkmigrate_runtime.write_report()


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    write_atomically({"generation": 1}, target)
    assert json.loads(target.read_text()) == {"generation": 1}

    def explode(document, stream, **kwargs):
        stream.write('{"generation": 2, "trunc')  # a partial document, then a failure
        raise OSError("disk full")

    monkeypatch.setattr(reporting.json, "dump", explode)
    with pytest.raises(OSError, match="disk full"):
        write_atomically({"generation": 2}, target)
    assert json.loads(target.read_text()) == {"generation": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_the_report_is_readable_by_its_owner_only(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("{}")
    os.chmod(target, 0o644)  # an older, world-readable report is replaced by a private one
    old_umask = os.umask(0)
    try:
        write_atomically({"generation": 1}, target)
        write_atomically({"generation": 1}, tmp_path / "new.json")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o600


@pytest.mark.parametrize(("argv", "kept"), [
    (["job.py", "--date", "2026-11-01", "--verbose", "-n", "3"],
     ["job.py", "--date", "2026-11-01", "--verbose", "-n", "3"]),
    (["job.py", "--password", "hunter2", "--db-password=hunter2", "--token", "t0k3n", "--out", "x"],
     ["job.py", "--password", "***", "--db-password=***", "--token", "***", "--out", "x"]),
    (["job.py", "--api-key", "k", "--apiKey=k", "--client_secret", "s", "--secret-key", "s", "--flag"],
     ["job.py", "--api-key", "***", "--apiKey=***", "--client_secret", "***", "--secret-key", "***", "--flag"]),
    # A value that only points at a secret is kept; an option right after a secret option is no value.
    (["job.py", "--password-file", "/run/secrets/db", "--token-env", "DB_TOKEN", "--token", "--dry-run"],
     ["job.py", "--password-file", "/run/secrets/db", "--token-env", "DB_TOKEN", "--token", "--dry-run"]),
    (["spark-submit", "--conf", "spark.hadoop.fs.s3a.secret.key=abc", "--conf", "spark.hadoop.fs.s3a.access.key=AK",
      "--conf", "spark.executor.memory=4g", "user=etl", "password=pw"],
     ["spark-submit", "--conf", "spark.hadoop.fs.s3a.secret.key=***", "--conf", "spark.hadoop.fs.s3a.access.key=***",
      "--conf", "spark.executor.memory=4g", "user=etl", "password=***"]),
    (["job.py", "jdbc:postgresql://etl:pw@db.internal:5432/sales", "--src=https://tok@github.com/org/repo.git",
      "https://acct.blob.core.windows.net/c/f.csv?sv=2022&sig=abc%2Fdef&se=2026", "sc://host:15002/;token=abc"],
     ["job.py", "jdbc:postgresql://***@db.internal:5432/sales", "--src=https://***@github.com/org/repo.git",
      "https://acct.blob.core.windows.net/c/f.csv?sv=2022&sig=***&se=2026", "sc://host:15002/;token=***"]),
    (["job.py", "ghp_0123456789abcdefghij0123456789abcdef", "sk-proj-abcdefghijklmnop", "AKIAABCDEFGHIJKLMNOP",
      "Qx7rT2mZp9Lk4Vb8Nc3Hs6Jd1Fg5Wa0Ye", "/data/2026/11/01/part-00000.parquet"],
     ["job.py", "***", "***", "***", "***", "/data/2026/11/01/part-00000.parquet"]),
])
def test_argv_is_kept_recognisable_with_secrets_redacted(argv, kept):
    assert redact_argv(argv) == kept
    document = reporting.build_report([], "shim", reporting.utc_now(), argv)
    assert document["argv"] == kept


def test_replacing_keeps_readers_on_a_whole_file(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    write_atomically({"generation": 1}, target)
    seen = []
    real_replace = reporting.os.replace

    def observe(source, destination):
        seen.append((json.loads(open(source).read()), json.loads(target.read_text())))
        real_replace(source, destination)

    monkeypatch.setattr(reporting.os, "replace", observe)
    write_atomically({"generation": 2}, target)
    assert seen == [({"generation": 2}, {"generation": 1})]
    assert json.loads(target.read_text()) == {"generation": 2}


def test_report_is_written_at_interpreter_exit(spark_connect_server, tmp_path):
    report_path = tmp_path / "exit-report.json"
    script = tmp_path / "job.py"
    script.write_text(textwrap.dedent(f"""\
        import sparkmigrate_runtime
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.getOrCreate()
        sparkmigrate_runtime.install(spark, mode="shim", report_path={str(report_path)!r})
        print(spark.sparkContext.parallelize([1, 2, 3]).sum())
    """))
    done = run_python([str(script)], client_environment(spark_connect_server.url))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "6"
    document = json.loads(report_path.read_text())
    assert {(r["line"], r["api"], r["code"]) for r in document["records"]} == {
        (5, "SparkSession.sparkContext", "SPK001"),
        (5, "SparkContext.parallelize", "SPK101"),
        (5, "RDD.sum", "SPK306"),
    }
    assert document["argv"] == [str(script)]
