"""Fixes proven on a real engine: each snippet below uses a classic-only API that a
rule fixes automatically. The original snippet runs on classic local Spark (in a
subprocess: classic and Connect cannot share a process); `sparkmigrate fix
--unsafe-fixes` rewrites it; the fixed snippet runs on a real Spark Connect server
(the reusable fixture in runtime/python/tests/spark_server.py, started for this module
only, so at most one server JVM and one classic JVM ever run at a time). Each case
asserts that the rules named for it were fixed, that the fixed code no longer reaches
the classic API, and that both runs produced the same `result`.

Snippets are plain scripts: they get their session with
`SparkSession.builder.getOrCreate()` (classic: the local session the runner made;
Connect: the remote one, through SPARK_REMOTE) and leave their answer in `result`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def binary() -> str:
    return os.path.abspath(os.environ.get("SPARKMIGRATE_BIN", str(ROOT / "build" / "sparkmigrate")))


sys.path.insert(0, str(ROOT / "runtime" / "python" / "tests"))
from spark_server import (  # noqa: E402
    LOCAL_MASTER,
    LOCAL_SPARK_CONF,
    SparkConnectServer,
    spark_environment,
)

HEADER = "from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.getOrCreate()\n"

# name -> (rules that must be fixed, snippet body after HEADER)
CASES: dict[str, tuple[list[str], str]] = {
    "parallelize_todf": (["SPK101", "SPK001"], """
        sc = spark.sparkContext
        data = [(1, "a"), (2, "b"), (3, "c")]
        df = sc.parallelize(data).toDF(["id", "name"])
        result = df.orderBy("id").collect()
    """),
    "create_dataframe_from_parallelize": (["SPK101"], """
        df = spark.createDataFrame(spark.sparkContext.parallelize([(1, 2.5), (2, 3.5)]), "k INT, v DOUBLE")
        result = [df.schema.simpleString(), df.orderBy("k").collect()]
    """),
    "empty_rdd": (["SPK103"], """
        df = spark.createDataFrame(spark.sparkContext.emptyRDD(), "id INT, name STRING")
        result = [df.count(), df.schema.simpleString()]
    """),
    "sc_range": (["SPK102"], """
        sc = spark.sparkContext
        result = sc.range(0, 20, 3).count()
    """),
    "context_info": (["SPK113", "SPK001"], """
        sc = spark.sparkContext
        result = [sc.version, sc.pythonVer, bool(sc.appName), bool(sc.applicationId)]
    """),
    "set_log_level": (["SPK110"], """
        spark.sparkContext.setLogLevel("WARN")
        result = spark.range(3).count()
    """),
    "add_py_file": (["SPK111"], """
        import os
        import tempfile
        from pyspark.sql.functions import udf

        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "sm_fix_helper.py")
        with open(path, "w") as out:
            out.write("def twice(x):\\n    return 2 * x\\n")
        spark.sparkContext.addPyFile(path)

        @udf("long")
        def doubled(x):
            import sm_fix_helper
            return sm_fix_helper.twice(x)

        result = [r[0] for r in spark.range(3).select(doubled("id")).orderBy(1).collect()]
    """),
    "conf_get": (["SPK112"], """
        result = spark.sparkContext.getConf().get("spark.sql.shuffle.partitions")
    """),
    "rdd_is_empty": (["SPK302"], """
        empty = spark.range(5).filter("id > 10")
        result = [empty.rdd.isEmpty(), spark.range(2).rdd.isEmpty()]
    """),
    "rdd_actions": (["SPK303"], """
        df = spark.createDataFrame([(1, "x"), (2, "y")], ["n", "s"]).orderBy("n")
        result = [df.rdd.collect(), df.rdd.take(1), df.rdd.first(), df.rdd.count()]
    """),
    "column_to_list": (["SPK304"], """
        df = spark.createDataFrame([(1, "NY"), (2, "CA"), (3, "NY")], ["id", "state"]).orderBy("id")
        ids = df.rdd.map(lambda r: r[0]).collect()
        states = df.select("state").rdd.flatMap(lambda x: x).collect()
        named = df.rdd.map(lambda row: row.state).collect()
        result = [ids, states, named]
    """),
    "rdd_repartition": (["SPK313"], """
        result = spark.range(10).rdd.repartition(3).count()
    """),
    "to_json": (["SPK401"], """
        import json
        df = spark.createDataFrame([(1, "a", None), (2, "b", 2.5)], "id INT, name STRING, score DOUBLE").orderBy("id")
        lines = df.toJSON().collect()
        first = df.toJSON().first()
        result = [lines, first, [json.loads(s) for s in lines]]
    """),
    "unbound_union": (["SPK405"], """
        from functools import reduce
        from pyspark.sql import DataFrame

        frames = [spark.createDataFrame([(i, str(i))], ["id", "label"]) for i in range(3)]
        combined = reduce(DataFrame.unionByName, frames)
        pair = DataFrame.union(frames[0], frames[1])
        sizes = list(map(DataFrame.count, frames))
        result = [sorted(combined.collect()), sorted(pair.collect()), sizes]
    """),
    "sql_ctx": (["SPK407"], """
        df = spark.range(2)
        result = df.sql_ctx.sql("SELECT 40 + 2 AS answer").collect()
    """),
    "sqlcontext": (["SPK501", "SPK502"], """
        from pyspark.sql import SQLContext

        sqlContext = SQLContext(spark.sparkContext)
        people = sqlContext.createDataFrame([("alice", "NY"), ("bob", "CA"), ("carol", "NY")], ["name", "state"])
        sqlContext.registerDataFrameAsTable(people, "fix_eq_people")
        top = sqlContext.sql("SELECT state, count(*) AS n FROM fix_eq_people GROUP BY state ORDER BY state")
        sqlContext.setConf("spark.sql.shuffle.partitions", "3")
        partitions = sqlContext.getConf("spark.sql.shuffle.partitions")
        sqlContext.setConf("spark.sql.shuffle.partitions", "4")
        names = "fix_eq_people" in sqlContext.tableNames()
        rows = top.collect()  # Connect resolves the view when the query runs (SPK803)
        sqlContext.dropTempTable("fix_eq_people")
        result = [rows, partitions, names, sqlContext.table is not None]
    """),
    "log4j_logger": (["SPK202"], """
        def get_logger(name):
            return spark.sparkContext._jvm.org.apache.log4j.LogManager.getLogger(name)

        logger = get_logger("sparkmigrate.fix")
        logger.info("hello")
        result = spark.range(4).count()
    """),
    "py4j_except": (["SPK206"], """
        from py4j.protocol import Py4JJavaError

        try:
            result = spark.range(3).selectExpr("sum(id) AS s").first().s
        except Py4JJavaError:
            result = -1
    """),
    "enable_hive_support": (["SPK009"], """
        session = SparkSession.builder.appName("fix-eq").enableHiveSupport().getOrCreate()
        result = session.range(2).count()
    """),
    "column_attribute": (["SPK408"], """  # sparkmigrate-args: --select ALL
        people = spark.createDataFrame([("ann", 17), ("bob", 30), ("cy", 45)], ["name", "age"])
        adults = people.filter(people.age >= 18).select(people.name)
        result = sorted(adults.collect())
    """),
    "udf_loop_variable": (["SPK804"], """
        from pyspark.sql.functions import udf

        columns = []
        for j in range(3):
            add_j = udf(lambda v: v + j, "long")
            columns.append(add_j("id").alias(f"plus_{j}"))
        result = spark.range(2).select(*columns).orderBy("plus_0").collect()
    """),
    "session_from_context": (["SPK006"], """
        legacy = SparkSession(spark.sparkContext)
        result = legacy.range(5).count()
    """),
    "unused_context_and_imports": (["SPK005", "SPK810"], """  # sparkmigrate-args: --target-version 4.0
        from pyspark import SparkContext, RDD

        context = SparkContext.getOrCreate()
        result = spark.range(7).count()
    """),
    "context_construction": (["SPK005", "SPK001", "SPK101", "SPK112"], """
        from pyspark import SparkConf, SparkContext

        conf = SparkConf().setAppName("fix-eq").setMaster("local[1]")
        sc = SparkContext.getOrCreate(conf)
        df = sc.parallelize([(1, "a"), (2, "b")]).toDF(["id", "v"])
        result = [df.orderBy("id").collect(), sc.getConf().get("spark.fix_eq.missing", "fallback")]
    """),
    "union_of_dataframes": (["SPK118"], """
        sc = spark.sparkContext
        a = spark.createDataFrame([(1, "a")], ["id", "v"])
        b = spark.createDataFrame([(2, "b"), (3, "c")], ["id", "v"])
        rows = sc.union([a.rdd, b.rdd, a.rdd]).collect()
        result = sorted(rows)
    """),
    "parallelize_two_statements": (["SPK310", "SPK001"], """
        sc = spark.sparkContext
        data = [(1, "a"), (2, "b")]
        rdd = sc.parallelize(data)
        df = rdd.toDF(["id", "v"])
        more = sc.parallelize([(3, "c")])
        typed = spark.createDataFrame(more, "id INT, v STRING")
        result = [df.orderBy("id").collect(), typed.collect(), typed.schema.simpleString()]
    """),
    # `type(df) is DataFrame` is left out: from 4.0 it is False for classic objects too
    # (their class is pyspark.sql.classic.dataframe.DataFrame), and this engine is 4.x.
    "isinstance_connect_class": (["SPK406"], """
        from pyspark.sql import Column, DataFrame
        from pyspark.sql import functions as F

        def describe(value):
            if isinstance(value, DataFrame):
                return "frame"
            return "column" if isinstance(value, (Column, str)) else "other"

        result = [describe(spark.range(1)), describe(F.col("id")), describe(3)]
    """),
    "schema_loop": (["SPK802"], """
        from pyspark.sql import functions as F

        df = spark.range(2)
        for name in ["a", "id", "b", "a"]:
            if name not in df.columns:
                df = df.withColumn(name, F.lit(name))
        result = [df.columns, df.orderBy("id").collect()]
    """),
    "udf_def_loop_variable": (["SPK804"], """
        from pyspark.sql.functions import udf

        columns = []
        for j in range(1, 4):
            @udf("long")
            def add_j(v):
                return v + j

            def times_j(v):
                return v * j

            times = udf(times_j, "long")
            columns += [add_j("id").alias(f"plus_{j}"), times("id").alias(f"times_{j}")]
        result = spark.range(3).select(*columns).orderBy("plus_1").collect()
    """),
    "unused_py4j_imports": (["SPK206"], """
        import py4j
        from py4j.java_gateway import java_import

        result = spark.range(4).count()
    """),
    "legacy_etl_shape": (["SPK101", "SPK302", "SPK304", "SPK405", "SPK401", "SPK112", "SPK110"], """
        from functools import reduce
        from pyspark.sql import DataFrame

        sc = spark.sparkContext
        sc.setLogLevel("WARN")


        def load_people():
            data = [("alice", "NY"), ("bob", "CA")]
            return sc.parallelize(data).toDF(["name", "state"])


        def distinct_states(people):
            return sorted(people.select("state").rdd.flatMap(lambda x: x).collect())


        def union_all(frames):
            return reduce(DataFrame.unionByName, frames)


        def report(people):
            people.createOrReplaceTempView("fix_eq_report")
            top = spark.sql("SELECT state, count(*) AS n FROM fix_eq_report GROUP BY state ORDER BY state")
            if top.rdd.isEmpty():
                return []
            return top.toJSON().collect()


        people = union_all([load_people(), load_people()])
        result = [distinct_states(people), report(people), sc.getConf().get("spark.sql.shuffle.partitions")]
    """),
}

# Python run inside each engine's subprocess: exec every snippet, keep `result`.
RUNNER = r'''
import json, os, sys, traceback

def norm(value):
    if hasattr(value, "__fields__") and isinstance(value, tuple):
        return {"Row": {k: norm(v) for k, v in zip(value.__fields__, value)}}
    if isinstance(value, (list, tuple)):
        return [norm(v) for v in value]
    if isinstance(value, dict):
        return {str(k): norm(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)

def main():
    mode, cases_path, out_path = sys.argv[1:4]
    from pyspark.sql import SparkSession
    conf = json.loads(os.environ["FIX_EQ_CONF"])
    if mode == "classic":
        builder = SparkSession.builder.master(os.environ["FIX_EQ_MASTER"]).appName("fix-eq-classic")
        for k, v in conf.items():
            builder = builder.config(k, v)
        session = builder.getOrCreate()
    else:
        session = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
    results = {}
    for name, source in json.load(open(cases_path)).items():
        scope = {"__name__": "__fix_eq__"}
        try:
            exec(compile(source, name + ".py", "exec"), scope)
            results[name] = {"ok": True, "result": norm(scope.get("result"))}
        except BaseException as e:  # noqa: BLE001
            results[name] = {"ok": False, "error": "".join(traceback.format_exception_only(type(e), e))[:2500]}
    json.dump(results, open(out_path, "w"), indent=1)
    session.stop()

main()
'''


def snippet(body: str) -> str:
    return HEADER + textwrap.dedent(body.split("\n", 1)[1])


def extra_args(body: str) -> list[str]:
    """Options for fix/check from a `# sparkmigrate-args: ...` note on the case's first line."""
    first = body.split("\n", 1)[0]
    return first.split("sparkmigrate-args:", 1)[1].split() if "sparkmigrate-args:" in first else []


def run_engine(mode: str, sources: dict[str, str], work: Path, remote: str | None = None) -> dict:
    cases = work / f"{mode}-cases.json"
    out = work / f"{mode}-results.json"
    runner = work / "runner.py"
    runner.write_text(RUNNER)
    cases.write_text(json.dumps(sources))
    env = spark_environment()
    env["FIX_EQ_CONF"] = json.dumps(LOCAL_SPARK_CONF)
    env["FIX_EQ_MASTER"] = LOCAL_MASTER
    if remote:
        env["SPARK_REMOTE"] = remote
    proc = subprocess.run([sys.executable, str(runner), mode, str(cases), str(out)], env=env, cwd=work,
                          capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0 and out.exists(), f"{mode} runner failed:\n{proc.stdout}\n{proc.stderr[-4000:]}"
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    work = tmp_path_factory.mktemp("fix-equivalence")
    originals = {name: snippet(body) for name, (_, body) in CASES.items()}
    project = work / "cases"
    project.mkdir()
    for name, text in originals.items():
        (project / f"{name}.py").write_text(text)
    remaining: dict[str, list[str]] = {}
    for name, (_, body) in CASES.items():
        path = str(project / f"{name}.py")
        args = extra_args(body)
        fix = subprocess.run([binary(), "fix", "--unsafe-fixes", "--isolated", *args, path],
                             capture_output=True, text=True, timeout=300)
        assert fix.returncode in (0, 1), fix.stderr
        check = subprocess.run([binary(), "check", "--isolated", "--output-format", "json", *args, path],
                               capture_output=True, text=True, timeout=300)
        remaining[name] = [d["code"] for d in json.loads(check.stdout)]
    fixed = {name: (project / f"{name}.py").read_text() for name in originals}

    classic = run_engine("classic", originals, work)
    remote = os.environ.get("SPARKMIGRATE_TEST_REMOTE")
    server = None
    if not remote:
        server = SparkConnectServer(work / "server")
        server.start()
        remote = server.url
    try:
        connect = run_engine("connect", fixed, work, remote)
    finally:
        if server:
            server.stop()
    return {"original": originals, "fixed": fixed, "remaining": remaining, "classic": classic,
            "connect": connect}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixed_snippet_gives_the_same_result_on_connect(outcome, name):
    rules, _ = CASES[name]
    fixed = outcome["fixed"][name]
    assert fixed != outcome["original"][name], "nothing was fixed"
    left = outcome["remaining"].get(name, [])
    assert not set(rules) & set(left), f"not fixed: {sorted(set(rules) & set(left))}\n{fixed}"
    classic, connect = outcome["classic"][name], outcome["connect"][name]
    assert classic["ok"], f"the original failed on classic Spark: {classic['error']}"
    assert connect["ok"], f"the fixed snippet failed on Spark Connect: {connect['error']}\n{fixed}"
    assert connect["result"] == classic["result"], fixed
