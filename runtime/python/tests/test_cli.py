"""``python -m sparkmigrate_runtime`` and environment activation, run as real child
processes against the test Spark Connect server.
"""

from __future__ import annotations

import json
import stat
import textwrap

import pytest

from support import client_environment, run_python

JOB = textwrap.dedent("""\
    import sys
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    print("argv:", sys.argv[1:], "name:", __name__)
    for _ in range(2):
        total = spark.sparkContext.parallelize([1, 2, 3]).sum()
    print("total:", total)
    if len(sys.argv) > 1 and sys.argv[1] == "--exit":
        sys.exit(3)
""")


@pytest.fixture
def job(tmp_path):
    path = tmp_path / "job.py"
    path.write_text(JOB)
    return path


def run_cli(args, server, cwd, **env):
    return run_python(["-m", "sparkmigrate_runtime", *args], client_environment(server.url, **env),
                      cwd=cwd)


def load(path):
    return json.loads(path.read_text())


def test_shim_mode_runs_the_script_and_reports(spark_connect_server, job, tmp_path):
    report = tmp_path / "reports" / "job.json"
    done = run_cli(["--report", str(report), str(job), "a", "--flag"], spark_connect_server,
                   tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["argv: ['a', '--flag'] name: __main__", "total: 6"]
    document = load(report)
    assert document["mode"] == "shim" and document["argv"] == [str(job), "a", "--flag"]
    assert [(r["file"], r["line"], r["api"], r["code"], r["count"], r["outcome"])
            for r in document["records"]] == [
        (str(job), 7, "RDD.sum", "SPK306", 2, "shimmed"),
        (str(job), 7, "SparkContext.parallelize", "SPK101", 2, "shimmed"),
        (str(job), 7, "SparkSession.sparkContext", "SPK001", 2, "shimmed"),
    ]


def test_the_report_is_private_and_its_argv_has_no_secrets(spark_connect_server, job, tmp_path):
    report = tmp_path / "secret.json"
    done = run_cli(["--report", str(report), str(job), "--date", "2026-11-01", "--password", "hunter2",
                    "jdbc:postgresql://etl:pw@db/sales"], spark_connect_server, tmp_path)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert load(report)["argv"] == [str(job), "--date", "2026-11-01", "--password", "***",
                                    "jdbc:postgresql://***@db/sales"]
    assert "hunter2" not in report.read_text() and "pw@" not in report.read_text()


def test_default_report_location_and_exit_status(spark_connect_server, job, tmp_path):
    done = run_cli([str(job), "--exit"], spark_connect_server, tmp_path)
    assert done.returncode == 3
    assert [r["count"] for r in load(tmp_path / "sparkmigrate-runtime-report.json")["records"]
            ] == [2, 2, 2]


def test_record_mode_fails_like_connect_and_reports(spark_connect_server, job, tmp_path):
    report = tmp_path / "record.json"
    done = run_cli(["--mode", "record", "--report", str(report), str(job)],
                   spark_connect_server, tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith(
        "pyspark.errors.exceptions.base.PySparkAttributeError: [JVM_ATTRIBUTE_NOT_SUPPORTED] "
        "Attribute `sparkContext` is not supported in Spark Connect")
    assert [(r["line"], r["api"], r["outcome"]) for r in load(report)["records"]] == [
        (7, "SparkSession.sparkContext", "raised")]


def test_strict_mode_names_rule_and_rewrite(spark_connect_server, job, tmp_path):
    report = tmp_path / "strict.json"
    done = run_cli(["--mode=strict", f"--report={report}", str(job)], spark_connect_server,
                   tmp_path)
    assert done.returncode == 1
    assert "[SPK001] sparkmigrate-runtime (strict mode): SparkSession.sparkContext" in done.stderr
    assert "Suggested rewrite:" in done.stderr
    assert load(report)["mode"] == "strict"


def test_module_form(spark_connect_server, tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "job.py").write_text(JOB)
    report = tmp_path / "module.json"
    done = run_cli(["--report", str(report), "-m", "pkg.job", "x"], spark_connect_server,
                   tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "argv: ['x'] name: __main__"
    assert {r["file"] for r in load(report)["records"]} == {str(package / "job.py")}


@pytest.mark.parametrize(("args", "message"), [
    (["--mode", "loud", "x.py"],
     "error: --mode must be one of shim, record, strict, rewrite; got 'loud'"),
    (["missing.py"], "error: cannot open script 'missing.py': no such file"),
    ([], "error: no program given: name a script or use -m module"),
    (["--verbose", "x.py"], "error: unknown option --verbose"),
    (["--report"], "error: --report needs a value"),
])
def test_bad_command_lines_fail_on_one_line(spark_connect_server, tmp_path, args, message):
    (tmp_path / "x.py").write_text("")
    done = run_cli(args, spark_connect_server, tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"python -m sparkmigrate_runtime: {message}"]


def test_help(spark_connect_server, tmp_path):
    done = run_cli(["--help"], spark_connect_server, tmp_path)
    assert done.returncode == 0 and "--mode shim|record|strict" in done.stdout


def test_environment_activation_shims_every_session(spark_connect_server, tmp_path):
    report = tmp_path / "env.json"
    script = tmp_path / "env_job.py"
    script.write_text(textwrap.dedent("""\
        import sparkmigrate_runtime
        from pyspark import SparkConf, SparkContext
        from pyspark.sql import SparkSession

        conf = SparkConf().setAppName("env-job").set("spark.sql.shuffle.partitions", "5")
        conf.set("spark.executor.memory", "2g")
        sc = SparkContext(conf=conf)
        spark = SparkSession.builder.getOrCreate()
        print(sc is spark.sparkContext, spark.conf.get("spark.sql.shuffle.partitions"))
        print(sc.parallelize(range(4)).map(lambda x: x * x).collect())
        sc.stop()
    """))
    env = {"SPARKMIGRATE_RUNTIME": "shim", "SPARKMIGRATE_RUNTIME_REPORT": str(report)}
    done = run_python([str(script)], client_environment(spark_connect_server.url, **env))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True 5", "[0, 1, 4, 9]"]
    assert "spark.executor.memory are server-side under Spark Connect" in done.stderr
    apis = {(r["line"], r["api"], r["code"]) for r in load(report)["records"]}
    assert {(7, "SparkContext.__init__", "SPK005"), (11, "SparkContext.stop", "SPK120")} <= apis


def test_invalid_environment_mode_is_one_clear_error(spark_connect_server, tmp_path):
    env = client_environment(spark_connect_server.url, SPARKMIGRATE_RUNTIME="sometimes")
    done = run_python(["-c", "import sparkmigrate_runtime"], env)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "ValueError: SPARKMIGRATE_RUNTIME must be one of shim, record, strict, rewrite; got 'sometimes'")
