"""`sparkmigrate explain` on real tracebacks: every Spark Connect error condition that pyspark
4.1 raises against a local Connect server is produced live by a small job module (written into
a project folder), captured from the failing run, and explained from the project folder, from
another machine's paths (--root), from inside a coloured driver log, and as JSON. Each case
asserts the condition, the cause's file and line (the line of the offending expression, which
may differ from the line the traceback reports), a sensible rule, and that a fix is offered.
The cases with a mechanical fix then go through `--apply --write-test`: the original is
recorded on classic local Spark, and the generated test must pass on the Connect server (and
fail against the unfixed original). The language server's `sparkmigrate.explainException` is
driven once.

One Connect server for the module (runtime/python/tests/spark_server.py); the live tracebacks
come from two subprocesses (one Connect client running every case, one classic process for
SESSION_ALREADY_EXIST). Conditions pyspark 4.1 cannot raise here (UNSUPPORTED_CONNECT_FEATURE.*
comes from the JVM client, CONFIG_NOT_AVAILABLE from Databricks, the older clients' texts) are
recorded in data/tracebacks and tested by test_explain_recorded.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import binary
from test_lsp_client import LspClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "runtime" / "python" / "tests"))
from spark_server import SparkConnectServer, spark_environment  # noqa: E402

FOREIGN = "/Workspace/Repos/me/proj/"


@dataclass
class Case:
    module: str  # path in the project
    source: str
    call: str | None  # function to call (with the session when it takes `spark`), None: run as a script
    condition: str
    subject: str | None
    cause: str  # a unique piece of the line the cause must be reported on
    rules: set[str]  # sensible rule codes for the cause
    fix: str = "guidance"  # "diff": a rule fix exists; "guidance": advice only
    write_test: bool = False
    takes_session: bool = True
    classic_runs: bool = True  # the original runs on classic Spark (so --write-test records its result)


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


CASES: dict[str, Case] = {
    # JVM_ATTRIBUTE_NOT_SUPPORTED, for each JVM handle
    "spark_context": Case("jobs/people.py", src("""
        from pyspark.sql import SparkSession


        def load_people(spark):
            sc = spark.sparkContext
            data = [("alice", 34), ("bob", 45), ("carol", 29)]
            return sc.parallelize(data).toDF(["name", "age"]).orderBy("name")
        """), "load_people", "JVM_ATTRIBUTE_NOT_SUPPORTED", "sparkContext", "sc = spark.sparkContext",
        {"SPK001", "SPK101"}, fix="diff", write_test=True),
    "jvm_log4j": Case("jobs/logs.py", src("""
        def run(spark):
            logger = spark._jvm.org.apache.log4j.LogManager.getLogger("etl")
            logger.info("counting")
            return spark.range(7).count()
        """), "run", "JVM_ATTRIBUTE_NOT_SUPPORTED", "_jvm", "logger = spark._jvm", {"SPK202", "SPK201"},
        fix="diff", write_test=True),
    # The traceback's outer frame is the call in `report`; the cause is in the helper.
    "jvm_jdf": Case("jobs/sizes.py", src("""
        def estimated_bytes(df):
            stats = df._jdf.queryExecution().optimizedPlan().stats()
            return int(stats.sizeInBytes().toString())


        def report(spark):
            df = spark.range(1000)
            return estimated_bytes(df)
        """), "report", "JVM_ATTRIBUTE_NOT_SUPPORTED", "_jdf", "stats = df._jdf", {"SPK203"}),
    "jvm_jsc": Case("jobs/hadoop.py", src("""
        def configure(spark, endpoint="http://127.0.0.1:9000"):
            spark._jsc.hadoopConfiguration().set("fs.s3a.endpoint", endpoint)
            return spark.read.parquet("s3a://bucket/events")
        """), "configure", "JVM_ATTRIBUTE_NOT_SUPPORTED", "_jsc", "spark._jsc.hadoopConfiguration",
        {"SPK002", "SPK119"}),
    "jvm_jc": Case("jobs/columns.py", src("""
        from pyspark.sql import functions as F


        def column_name(col):
            return col._jc.toString()


        def names(spark):
            return [column_name(F.col("id") + 1)]
        """), "names", "JVM_ATTRIBUTE_NOT_SUPPORTED", "_jc", "return col._jc", {"SPK204"}),
    "jvm_new_session": Case("jobs/isolation.py", src("""
        def isolated_count(spark):
            scratch = spark.newSession()
            return scratch.range(2).count()
        """), "isolated_count", "JVM_ATTRIBUTE_NOT_SUPPORTED", "newSession", "spark.newSession()", {"SPK004"}),
    # NOT_IMPLEMENTED
    "rdd": Case("jobs/checks.py", src("""
        def non_empty_count(spark):
            df = spark.range(10).filter("id > 5")
            if df.rdd.isEmpty():
                return 0
            return df.count()
        """), "non_empty_count", "NOT_IMPLEMENTED", "rdd", "if df.rdd.isEmpty()", {"SPK302", "SPK301"},
        fix="diff", write_test=True),
    "to_json": Case("jobs/export.py", src("""
        def export_rows(spark):
            df = spark.createDataFrame([(1, "a", None), (2, "b", 2.5)], "id INT, name STRING, score DOUBLE")
            df = df.orderBy("id")
            return df.toJSON().collect()
        """), "export_rows", "NOT_IMPLEMENTED", "toJSON", "toJSON()", {"SPK401"}, fix="diff", write_test=True),
    "to_json_chained": Case("jobs/export_sorted.py", src("""
        def export_sorted(spark):
            df = spark.createDataFrame([(1, "a"), (2, "b")], "id INT, name STRING")
            return df.orderBy("id").toJSON().collect()
        """), "export_sorted", "NOT_IMPLEMENTED", "toJSON", "toJSON()", {"SPK401"}, fix="diff"),
    # ATTRIBUTE_NOT_SUPPORTED
    "sql_ctx": Case("jobs/answers.py", src("""
        def answer(spark):
            df = spark.range(2)
            return df.sql_ctx.sql("SELECT 40 + 2 AS answer").collect()
        """), "answer", "ATTRIBUTE_NOT_SUPPORTED", "sql_ctx", "df.sql_ctx.sql", {"SPK407"}, fix="diff",
        write_test=True),
    "df_private_sc": Case("jobs/parallelism.py", src("""
        def partitions(spark):
            df = spark.range(2)
            return df._sc.defaultParallelism
        """), "partitions", "ATTRIBUTE_NOT_SUPPORTED", "_sc", "df._sc", {"SPK003", "SPK407", "SPK001", "SPK115"}),
    # The plain AttributeError: `_sc` is not in the Connect session's JVM list.
    "session_private_sc": Case("jobs/appinfo.py", src("""
        def app_name(spark):
            return spark._sc.appName
        """), "app_name", "AttributeError", "_sc", "spark._sc.appName", {"SPK003", "SPK113"}, fix="diff"),
    # CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT
    "context_get_or_create": Case("jobs/context.py", src("""
        from pyspark import SparkContext


        def load(spark):
            sc = SparkContext.getOrCreate()
            return sc.parallelize([(1, "a"), (2, "b")]).toDF(["id", "v"])
        """), "load", "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT", "SparkContext", "SparkContext.getOrCreate()",
        {"SPK005"}, fix="diff", write_test=True),
    "context_script": Case("jobs/legacy_etl.py", src("""
        from pyspark import SparkConf, SparkContext
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.getOrCreate()
        conf = SparkConf().setAppName("legacy-etl")
        sc = SparkContext.getOrCreate(conf)
        people = sc.parallelize([(1, "alice"), (2, "bob")]).toDF(["id", "name"])
        print(sorted(people.collect()))
        """), None, "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT", "SparkContext", "sc = SparkContext.getOrCreate(conf)",
        {"SPK005"}, fix="diff", write_test=True),
    # SESSION_NOT_SAME: "restarting" the session makes a new one; the old DataFrame keeps the old.
    "session_not_same": Case("jobs/refresh.py", src("""
        from pyspark.sql import SparkSession


        def refresh(spark):
            ids = spark.range(3)
            spark.stop()
            spark = SparkSession.builder.getOrCreate()
            return ids.join(spark.range(3), "id").collect()
        """), "refresh", "SESSION_NOT_SAME", None, "spark.stop()", {"SPK010"}),
    "session_not_same_create": Case("jobs/lookup.py", src("""
        import os

        from pyspark.sql import SparkSession


        def enrich(spark):
            other = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).create()
            names = other.createDataFrame([(0, "zero"), (1, "one")], ["id", "name"])
            return spark.range(2).join(names, "id").collect()
        """), "enrich", "SESSION_NOT_SAME", None, ".create()", {"SPK012"}),
    # STREAMING_CONNECT_SERIALIZATION_ERROR: the lock cannot be pickled (a captured session can, in 4.1).
    "foreach_batch": Case("jobs/stream_counts.py", src("""
        import threading

        from pyspark.sql import SparkSession

        spark = SparkSession.builder.getOrCreate()
        lock = threading.Lock()
        seen_batches = []


        def write_batch(batch_df, batch_id):
            with lock:
                seen_batches.append(batch_id)
            batch_df.write.mode("append").parquet("/tmp/sparkmigrate-explain-stream")


        events = spark.readStream.format("rate").load()
        query = events.writeStream.foreachBatch(write_batch).start()
        query.awaitTermination(5)
        """), None, "STREAMING_CONNECT_SERIALIZATION_ERROR", "foreachBatch", "foreachBatch(write_batch)",
        {"SPK603"}),
    "foreach_batch_conf": Case("jobs/stream_conf.py", src("""
        def start(spark, checkpoint="/tmp/sparkmigrate-explain-checkpoint"):
            conf = spark.conf
            events = spark.readStream.format("rate").load()

            def handle(batch, epoch_id):
                partitions = int(conf.get("spark.sql.shuffle.partitions"))
                batch.repartition(partitions).write.mode("append").parquet("/tmp/sparkmigrate-explain-out")

            return events.writeStream.foreachBatch(handle).option("checkpointLocation", checkpoint).start()
        """), "start", "STREAMING_CONNECT_SERIALIZATION_ERROR", "foreachBatch", "foreachBatch(handle)", {"SPK603"}),
    # NO_ACTIVE_SESSION: the UDF captured the client's session; it fails on the server at the action.
    "udf_session": Case("jobs/orders.py", src("""
        from pyspark.sql import SparkSession
        from pyspark.sql.functions import udf

        spark = SparkSession.builder.getOrCreate()


        @udf("long")
        def order_count(customer_id):
            return spark.range(customer_id).count()


        customers = spark.createDataFrame([(1, "ann"), (2, "bob")], ["id", "name"])
        customers.select("name", order_count("id").alias("orders")).show()
        """), None, "NO_ACTIVE_SESSION", None, '@udf("long")', {"SPK014"}),
    "udf_session_in_function": Case("jobs/flags.py", src("""
        from pyspark.sql.functions import udf


        def flag(spark):
            lookup = spark.range(3)

            @udf("long")
            def size(x):
                return lookup.count() + x

            return spark.range(2).select(size("id")).collect()
        """), "flag", "NO_ACTIVE_SESSION", None, '@udf("long")', {"SPK014"}),
    # CANNOT_CONFIGURE_SPARK_CONNECT_MASTER: a master next to SPARK_REMOTE.
    "master": Case("jobs/entry.py", src("""
        from pyspark.sql import SparkSession


        def main():
            spark = SparkSession.builder.master("local[2]").appName("etl").getOrCreate()
            return spark.range(5).selectExpr("sum(id) AS total").first().total
        """), "main", "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER", "master", '.master("local[2]")', {"SPK007"},
        takes_session=False),
    # ... and next to `.remote(...)`: then removing the master is mechanical. (The original
    # fails on classic Spark too, so the test has nothing to record.)
    "master_and_remote": Case("jobs/entry_remote.py", src("""
        import os

        from pyspark.sql import SparkSession


        def main():
            spark = (
                SparkSession.builder.remote(os.environ.get("SPARK_REMOTE", "sc://localhost"))
                .master("local[2]")
                .appName("etl")
                .getOrCreate()
            )
            return spark.range(5).selectExpr("sum(id) AS total").first().total
        """), "main", "CANNOT_CONFIGURE_SPARK_CONNECT_MASTER", "master", '.master("local[2]")', {"SPK007"},
        fix="diff", write_test=True, takes_session=False, classic_runs=False),
}

# SESSION_ALREADY_EXIST needs a process where a classic SparkContext exists before the remote
# session is asked for: its own subprocess, without SPARK_REMOTE (spark-submit refuses a classic
# context next to it), the remote URL given to the builder.
ALREADY = Case("jobs/startup.py", src("""
    import os

    from pyspark import SparkContext
    from pyspark.sql import SparkSession


    def main():
        sc = SparkContext.getOrCreate()
        spark = SparkSession.builder.remote(os.environ["CONNECT_URL"]).getOrCreate()
        return spark.range(3).count() + sc.defaultParallelism


    if __name__ == "__main__":
        main()
    """), None, "SESSION_ALREADY_EXIST", None, "sc = SparkContext.getOrCreate()", {"SPK005"})
ALL_CASES = {**CASES, "session_already_exist": ALREADY}
# The cases with a mechanical fix and a callable function (or a script): --apply --write-test.
WRITE_TEST = sorted(name for name, case in CASES.items() if case.write_test)

# Runs each case in one Connect client and records its traceback as Python prints it (frames
# from the project on: the runner's own frames are left out, as if the job ran by itself).
RUNNER = r'''
import importlib, json, os, runpy, sys, traceback
root, cases, out = os.path.abspath(sys.argv[1]), json.load(open(sys.argv[2])), sys.argv[3]
sys.path.insert(0, root)
from pyspark.sql import SparkSession
results = {}
for name, (module, call, takes_session) in cases.items():
    try:
        if call:
            spark = SparkSession.builder.getOrCreate()  # a new one if a case stopped it
            function = getattr(importlib.import_module(module[:-3].replace("/", ".")), call)
            function(spark) if takes_session else function()
        else:
            runpy.run_path(os.path.join(root, module), run_name="__main__")
        results[name] = None
    except Exception as error:
        tb = error.__traceback__
        while tb is not None and not tb.tb_frame.f_code.co_filename.startswith(root + os.sep):
            tb = tb.tb_next
        results[name] = "".join(traceback.format_exception(type(error), error, tb))
json.dump(results, open(out, "w"))
'''


def line_of(case: Case) -> int:
    hits = [i for i, line in enumerate(case.source.splitlines(), 1) if case.cause in line]
    assert len(hits) == 1, f"the cause snippet {case.cause!r} must name one line"
    return hits[0]


def write_project(root: Path, cases: dict[str, Case]) -> None:
    for case in cases.values():
        path = root / case.module
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case.source)


def explain(*args, stdin: str, cwd: Path, env: dict | None = None, timeout: float = 120):
    full = dict(os.environ)
    full.pop("SPARKMIGRATE_DOCS_URL", None)
    full.update(env or {})
    return subprocess.run([binary(), "explain", *map(str, args)], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env=full, timeout=timeout)


@pytest.fixture(scope="module")
def live(tmp_path_factory, request):
    """The project, the server and every case's real traceback."""
    work = tmp_path_factory.mktemp("explain-live")
    project = work / "project"
    write_project(project, ALL_CASES)
    (work / "runner.py").write_text(RUNNER)
    (work / "cases.json").write_text(json.dumps({n: [c.module, c.call, c.takes_session] for n, c in CASES.items()}))
    remote = os.environ.get("SPARKMIGRATE_TEST_REMOTE")
    server = None if remote else SparkConnectServer(work / "server")
    remote = remote or server.url
    env = spark_environment()
    pool = None
    # SESSION_ALREADY_EXIST starts a classic JVM: it runs while the server starts.
    already = subprocess.Popen([sys.executable, ALREADY.module], cwd=project, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**env, "CONNECT_URL": remote, "PYSPARK_SUBMIT_ARGS":
                                    "--master local[1] --conf spark.ui.enabled=false pyspark-shell"})
    try:
        if server:
            server.start()
        proc = subprocess.run([sys.executable, str(work / "runner.py"), str(project), str(work / "cases.json"),
                               str(work / "tracebacks.json")], cwd=project, env={**env, "SPARK_REMOTE": remote},
                              capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
        assert proc.returncode == 0, proc.stderr[-4000:]
        tracebacks = json.loads((work / "tracebacks.json").read_text())
        _, already_err = already.communicate(timeout=600)
        start = already_err.find("Traceback (most recent call last)")
        tracebacks["session_already_exist"] = already_err[start:] if start >= 0 else already_err
        # `--apply --write-test` records each original on classic Spark (a JVM start each): run
        # them in the background, in a fresh copy, while the explain tests go on.
        applied = work / "apply" / "project"
        write_project(applied, {name: CASES[name] for name in WRITE_TEST})
        env_apply = {**env, "SPARKMIGRATE_PYTHON": sys.executable}

        def apply(name):
            text = tracebacks[name].replace(str(project) + os.sep, str(applied) + os.sep)
            return explain("--apply", "--write-test", "--output-format", "json", stdin=text, cwd=applied,
                           env=env_apply, timeout=600)

        applying = {}
        if any("written" in item.fixturenames for item in request.session.items):
            pool = ThreadPoolExecutor(max_workers=2)
            applying = {name: pool.submit(apply, name) for name in WRITE_TEST}
        yield {"work": work, "project": project, "remote": remote, "tracebacks": tracebacks,
               "applied": applied, "applying": applying}
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)
        if already.poll() is None:
            already.kill()
            already.wait()
        if server:
            server.stop()


def traceback_of(live, name: str) -> str:
    text = live["tracebacks"][name]
    assert text, f"{name}: the job did not fail on Spark Connect"
    assert f"[{ALL_CASES[name].condition}]" in text or f"{ALL_CASES[name].condition}:" in text, text[-3000:]
    return text


def foreign(text: str, project: Path) -> str:
    return text.replace(str(project) + os.sep, FOREIGN)


def decorated(text: str) -> str:
    """The traceback inside a driver log: timestamps, level, logger, ANSI colours."""
    red, dim, reset = "\x1b[31m", "\x1b[2m", "\x1b[0m"
    out = ["26/05/01 12:00:00 INFO SparkConnectClient: session started"]
    for i, line in enumerate(text.splitlines()):
        line = re.sub(r'(File ")([^"]+)(")', lambda m: f"{m[1]}{dim}{m[2]}{reset}{m[3]}", line)
        line = re.sub(r"^(\w[\w.]*(Error|Exception))(:)", lambda m: f"{red}{m[1]}{reset}{m[3]}", line)
        out.append(f"2026-05-01 12:00:{i % 60:02d},{i:03d} ERROR etl.driver: {line}")
    out.append("26/05/01 12:00:59 INFO ShutdownHookManager: Shutdown hook called")
    return "\n".join(out) + "\n"


def check_located(case: Case, result, project: Path):
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    out = json.loads(result.stdout)
    assert out["recognised"] is True
    assert out["error_condition"] == case.condition
    if case.subject is not None:
        assert out["subject"] == case.subject
    assert out["why"]
    module = str((project / case.module).resolve())
    assert any(f["in_project"] and f["filename"] == module for f in out["frames"]), out["frames"]
    cause = out["findings"][0]
    assert (cause["filename"], cause["location"]["row"]) == (module, line_of(case)), cause
    assert cause["code"] in case.rules, cause
    fix = out["fix"]
    assert fix is not None
    if case.fix == "diff":
        assert fix["source"] == "rule" and fix["diff"], fix
        removed = [line[1:] for line in fix["diff"].splitlines() if line.startswith("-") and not line.startswith("---")]
        assert case.source.splitlines()[line_of(case) - 1] in removed, fix["diff"]
    else:
        assert fix["diff"] is None and fix["guidance"].strip(), fix
    return out


@pytest.mark.parametrize("name", sorted(ALL_CASES))
def test_explains_the_live_traceback(live, name):
    case, project = ALL_CASES[name], live["project"]
    text = traceback_of(live, name)
    variants = {
        "as printed": (text, [], project),
        "from another machine": (foreign(text, project), ["--root", project], live["work"]),
        "in a coloured driver log": (decorated(text), [], project),
    }
    for variant, (stdin, args, cwd) in variants.items():
        result = explain("--output-format", "json", *args, stdin=stdin, cwd=cwd)
        try:
            check_located(case, result, project)
        except AssertionError as error:
            raise AssertionError(f"{variant}: {error}\n--- traceback:\n{stdin[-3000:]}") from None
    # The text report names the cause as path:line:col with the rule.
    result = explain(stdin=text, cwd=project)
    assert result.returncode == 0
    assert re.search(rf"^cause: {re.escape(case.module)}:{line_of(case)}:\d+: ({'|'.join(case.rules)}) ",
                     result.stdout, re.M), result.stdout
    assert ("\nfix (rule" in result.stdout) == (case.fix == "diff"), result.stdout


def test_the_traceback_alone_is_enough_when_frames_are_elsewhere(live, tmp_path):
    """A traceback whose files are not under the root: recognised, honestly not located."""
    text = foreign(traceback_of(live, "rdd"), live["project"])
    result = explain("--output-format", "json", stdin=text, cwd=tmp_path)
    assert result.returncode == 1
    out = json.loads(result.stdout)
    assert out["error_condition"] == "NOT_IMPLEMENTED" and out["findings"] == []
    assert not any(f["in_project"] for f in out["frames"])
    text_out = explain(stdin=text, cwd=tmp_path)
    assert text_out.returncode == 1 and "--root" in text_out.stdout


@pytest.fixture(scope="module")
def written(live):
    """The generated tests, run on the Connect server against the fixed modules, then against the
    unfixed originals."""
    copy = live["applied"]
    results = {name: future.result() for name, future in live["applying"].items()}
    tests = copy / "tests"
    pytest_env = {**spark_environment(), "SPARK_REMOTE": live["remote"]}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(copy), str(tests)]
    fixed = subprocess.run(command, cwd=copy, env=pytest_env, capture_output=True, text=True, timeout=600)
    # The same tests against the unfixed originals must fail.
    fixed_sources = {name: (copy / CASES[name].module).read_text() for name in WRITE_TEST}
    write_project(copy, {name: CASES[name] for name in WRITE_TEST})
    original = subprocess.run(command + ["-rf"], cwd=copy, env=pytest_env, capture_output=True, text=True,
                              timeout=600)
    # Without SPARK_REMOTE a generated test starts its own Connect server (a separate JVM): the
    # fixed module passes there and the original fails, which an in-process `remote("local")`
    # session would hide (SparkContext.getOrCreate() quietly works in that process).
    name, alone = "context_get_or_create", live["work"] / "alone"
    test = Path(json.loads(results[name].stdout)["test"])
    for label, source in (("fixed", fixed_sources[name]), ("original", CASES[name].source)):
        (alone / label / CASES[name].module).parent.mkdir(parents=True)
        (alone / label / CASES[name].module).write_text(source)
        (alone / label / "tests").mkdir()
        (alone / label / "tests" / test.name).write_text(test.read_text())
    standalone = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=importlib", "-rf",
         "--rootdir", str(alone), str(alone / "fixed" / "tests"), str(alone / "original" / "tests")],
        cwd=alone, env=spark_environment(), capture_output=True, text=True, timeout=600)
    return {"copy": copy, "results": results, "fixed": fixed, "original": original, "sources": fixed_sources,
            "standalone": standalone}


@pytest.mark.parametrize("name", WRITE_TEST)
def test_apply_and_write_test(written, name):
    case, copy = CASES[name], written["copy"]
    result = written["results"][name]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = json.loads(result.stdout)
    module = copy / case.module
    assert out["written"] == str(module)
    fixed = written["sources"][name]
    assert case.source.splitlines()[line_of(case) - 1] not in fixed.splitlines(), fixed
    test = Path(out["test"])
    assert test.parent == copy / "tests" and test.name.startswith("test_spark_connect_"), test
    stem = Path(case.module).stem
    assert test.name == (f"test_spark_connect_{stem}_{case.call}.py" if case.call else f"test_spark_connect_{stem}.py")
    text = test.read_text()
    expected = re.search(r"^EXPECTED = (.*)$", text, re.M)
    assert expected, text
    if case.classic_runs:
        assert expected[1] != "None", f"the original's classic result was not recorded: {result.stderr}"
    else:
        assert expected[1] == "None" and "could not be recorded" in result.stderr, result.stderr
    # pytest's verdict for this file: passes on the fixed module, fails on the original.
    assert f"FAILED tests/{test.name}" not in written["fixed"].stdout, written["fixed"].stdout[-4000:]
    assert f"FAILED tests/{test.name}" in written["original"].stdout, written["original"].stdout[-4000:]


def test_generated_tests_pass_on_connect(written):
    fixed = written["fixed"]
    assert fixed.returncode == 0, fixed.stdout[-4000:] + fixed.stderr[-2000:]
    assert f"{len(WRITE_TEST)} passed" in fixed.stdout, fixed.stdout[-2000:]


def test_a_generated_test_starts_its_own_connect_server(written):
    run = written["standalone"]
    assert "1 failed, 1 passed" in run.stdout, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"^FAILED original/tests/test_spark_connect_context_load\.py::", run.stdout, re.M), run.stdout
    assert "CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT" in run.stdout, run.stdout[-4000:]


def test_no_test_for_a_function_that_needs_other_arguments(live, tmp_path):
    """The cause is in `estimated_bytes(df)`: sparkmigrate cannot make up a DataFrame."""
    case = CASES["jvm_jdf"]
    copy = tmp_path / "project"
    write_project(copy, {"jvm_jdf": case})
    text = traceback_of(live, "jvm_jdf").replace(str(live["project"]) + os.sep, str(copy) + os.sep)
    result = explain("--write-test", "--output-format", "json", stdin=text, cwd=copy,
                     env={"SPARKMIGRATE_PYTHON": sys.executable})
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert out["test"] is None and out["written"] is None
    assert "no test written: `estimated_bytes` needs the argument `df`" in result.stderr, result.stderr
    assert not (copy / "tests").exists()


def test_explain_exception_in_the_language_server(live):
    case, project = CASES["spark_context"], live["project"]
    client = LspClient(cwd=project)
    try:
        init = client.initialize(project)
        assert "sparkmigrate.explainException" in init["result"]["capabilities"]["executeCommandProvider"]["commands"]
        text = decorated(foreign(traceback_of(live, "spark_context"), project))
        response = client.request("workspace/executeCommand", {"command": "sparkmigrate.explainException",
                                                               "arguments": [text]}, timeout=60)
        out = response["result"]
        module = str((project / case.module).resolve())
        assert out["error_condition"] == case.condition and out["subject"] == case.subject
        cause = out["findings"][0]
        assert (cause["filename"], cause["location"]["row"], cause["code"]) == (module, line_of(case), "SPK001")
        assert out["fix"]["source"] == "rule" and out["fix"]["diff"]
        published = client.notification("textDocument/publishDiagnostics",
                                         lambda p: p["uri"] == (project / case.module).resolve().as_uri())
        spots = {(d["code"], d["range"]["start"]["line"]) for d in published["diagnostics"]}
        assert ("SPK001", line_of(case) - 1) in spots, published
    finally:
        client.close()
