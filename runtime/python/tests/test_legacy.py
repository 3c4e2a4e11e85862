"""Legacy PySpark programs (tests/legacy/) on three engines:

* classic local Spark -- the reference output, all scripts in one child process (one JVM);
* Spark Connect without the shim -- each script must fail with Connect's real error;
* Spark Connect under ``python -m sparkmigrate_runtime`` -- each script must print exactly
  what it printed on classic Spark, with every interception reported at its line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legacy_runs import SCRIPT_NAMES, LegacyRun, script_args, write_inputs
from support import LEGACY_DIR, client_environment, line_of, run_python

JVM_SPARK_CONTEXT = ("PySparkAttributeError", "[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute "
                     "`sparkContext` is not supported in Spark Connect as it depends on the JVM.")
NO_CONTEXT = ("PySparkRuntimeError", "[CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT] Remote client "
              "cannot create a SparkContext. Create SparkSession instead.")
NO_RDD = ("PySparkNotImplementedError", "[NOT_IMPLEMENTED] rdd is not implemented.")
NO_TO_JSON = ("PySparkNotImplementedError", "[NOT_IMPLEMENTED] toJSON() is not implemented.")
NO_SQL_CTX = ("PySparkAttributeError", "[ATTRIBUTE_NOT_SUPPORTED] Attribute `sql_ctx` is not "
              "supported.")

# script -> (error without the shim, interceptions expected at the line holding the snippet)
SCRIPTS = {
    "wordcount": (JVM_SPARK_CONTEXT, [
        ("SparkSession.sparkContext", "SPK001", "sc = spark.sparkContext"),
        ("SparkContext.textFile", "SPK104", "sc.textFile("),
        ("RDD.flatMap", "SPK306", ".flatMap("),
        ("RDD.reduceByKey", "SPK309", ".reduceByKey("),
        ("RDD.sortBy", "SPK306", ".sortBy("),
        ("RDD.take", "SPK303", "counts.take("),
    ]),
    "broadcast_enrichment": (JVM_SPARK_CONTEXT, [
        ("SparkContext.broadcast", "SPK108", ".broadcast(states)"),
        ("DataFrame.rdd", "SPK301", "df.rdd.map"),
        ("RDD.toDF", "SPK310", "df.rdd.map"),
    ]),
    "parallelize_todf": (JVM_SPARK_CONTEXT, [
        ("SparkContext.parallelize", "SPK101", "people = sc.parallelize"),
        ("RDD.toDF", "SPK310", 'people.toDF(["id"'),
        ("SparkSession.createDataFrame", "SPK310", "squares = spark.createDataFrame"),
    ]),
    "sqlcontext_queries": (NO_CONTEXT, [
        ("SparkContext.getOrCreate", "SPK005", "SparkContext.getOrCreate()"),
        ("SQLContext.__init__", "SPK501", "SQLContext(sc)"),
        ("SQLContext.registerFunction", "SPK502", "registerFunction("),
        ("SQLContext.tableNames", "SPK502", "print(sorted(sqlContext.tableNames()))"),
    ]),
    "getconf": (JVM_SPARK_CONTEXT, [
        ("SparkContext.setLogLevel", "SPK110", "setLogLevel("),
        ("SparkContext.getConf", "SPK112", "sc.getConf()"),
        ("SparkContext._conf", "SPK112", "sc._conf"),
        ("SparkContext.defaultParallelism", "SPK115", "sc.defaultParallelism"),
        ("SparkContext.version", "SPK113", "sc.version"),
    ]),
    "pair_rdd_ops": (JVM_SPARK_CONTEXT, [
        ("RDD.groupByKey", "SPK309", "rdd.groupByKey()"),
        ("RDD.aggregateByKey", "SPK309", "rdd.aggregateByKey("),
        ("RDD.join", "SPK306", "rdd.join(prices)"),
        ("RDD.union", "SPK306", "rdd.union("),
    ]),
    "empty_rdd": (JVM_SPARK_CONTEXT, [
        ("SparkContext.emptyRDD", "SPK103", "spark.createDataFrame(sc.emptyRDD(), schema)"),
        ("SparkSession.createDataFrame", "SPK310", "spark.createDataFrame(sc.emptyRDD(), schema)"),
        ("RDD.isEmpty", "SPK302", "sc.emptyRDD().isEmpty()"),
    ]),
    "to_json": (NO_TO_JSON, [
        ("DataFrame.toJSON", "SPK401", "documents = df.toJSON()"),
        ("RDD.map", "SPK306", "documents.map("),
    ]),
    "column_to_list": (NO_RDD, [
        ("DataFrame.rdd", "SPK301", 'df.select("name").rdd'),
        ("RDD.isEmpty", "SPK302", "rdd.isEmpty()"),
        ("RDD.countByKey", "SPK309", "countByKey()"),
    ]),
    "partitions": (JVM_SPARK_CONTEXT, [
        ("RDD.getNumPartitions", "SPK305", "print(rdd.getNumPartitions()"),
        ("RDD.glom", "SPK313", "print(rdd.getNumPartitions(), rdd.glom()"),
        ("RDD.mapPartitionsWithIndex", "SPK307", "mapPartitionsWithIndex("),
        ("RDD.zipWithIndex", "SPK308", "zipWithIndex()"),
        ("SparkContext.range", "SPK102", "sc.range(0, 10, 3)"),
        ("RDD.partitionBy", "SPK306", "partitionBy(3"),
        ("RDD.cache", "SPK313", ".cache()"),
    ]),
    "sampling": (JVM_SPARK_CONTEXT, [
        ("SparkContext.parallelize", "SPK101", "numbers = sc.parallelize"),
        ("RDD.sample", "SPK306", "numbers.sample(False, 0.1, 42)"),
        ("RDD.takeSample", "SPK306", "numbers.takeSample(False, 5, 1)"),
        ("RDD.takeSample", "SPK306", "sc.range(50, numSlices=3).takeSample("),
        ("RDD.takeSample", "SPK306", "rows.takeSample("),
        ("RDD.sampleByKey", "SPK306", "sampleByKey("),
        ("RDD.randomSplit", "SPK306", "randomSplit("),
        ("RDD.sampleStdev", "SPK306", "sampleStdev()"),
        ("RDD.variance", "SPK306", "numbers.variance()"),
    ]),
    "dataframe_sql_ctx": (NO_SQL_CTX, [
        ("DataFrame.sql_ctx", "SPK407", "context = orders.sql_ctx"),
        ("SQLContext.registerDataFrameAsTable", "SPK502", "registerDataFrameAsTable("),
        ("SQLContext.sql", "SPK502", "context.sql("),
        ("SQLContext.table", "SPK502", "context.table("),
        ("DataFrame.sql_ctx", "SPK407", "extra = orders.sql_ctx"),
        ("SQLContext.createDataFrame", "SPK502", "extra = orders.sql_ctx"),
        ("SQLContext.getConf", "SPK502", "orders.sql_ctx.getConf("),
    ]),
    "files_and_jobs": (JVM_SPARK_CONTEXT, [
        ("SparkContext.addPyFile", "SPK111", "sc.addPyFile("),
        ("SparkContext.setJobGroup", "SPK116", "sc.setJobGroup("),
        ("SparkContext.wholeTextFiles", "SPK105", "sc.wholeTextFiles("),
        ("SparkContext.binaryFiles", "SPK106", "sc.binaryFiles("),
        ("RDD.saveAsTextFile", "SPK311", ".saveAsTextFile("),
        ("SparkContext.cancelJobGroup", "SPK116", "sc.cancelJobGroup("),
    ]),
}


@pytest.fixture(scope="session")
def inputs(tmp_path_factory) -> Path:
    return write_inputs(tmp_path_factory.mktemp("legacy-inputs"))


@pytest.fixture(scope="session")
def classic_results(classic_run) -> dict:
    """Reference output: the scripts on classic local Spark (started early, see conftest)."""
    return classic_run.results()


@pytest.fixture(scope="session")
def unshimmed_results(spark_connect_server, tmp_path_factory) -> dict:
    run = LegacyRun(client_environment(spark_connect_server.url),
                    tmp_path_factory.mktemp("connect-unshimmed"))
    return run.results()


def test_every_legacy_script_is_checked():
    assert sorted(SCRIPTS) == SCRIPT_NAMES


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_fails_on_connect_without_the_shim(name, unshimmed_results):
    (error_type, message), _ = SCRIPTS[name]
    result = unshimmed_results[name]
    assert result["error"] is not None, f"{name} ran on Connect without the shim"
    assert result["error"]["type"] == error_type
    assert result["error"]["message"].startswith(message)


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_under_the_shim_matches_classic_spark(name, classic_results, inputs,
                                                       spark_connect_server, tmp_path):
    reference = classic_results[name]
    assert reference["error"] is None, reference["error"]
    assert reference["stdout"].strip(), "the classic run printed nothing to compare"

    script = LEGACY_DIR / f"{name}.py"
    report = tmp_path / "report.json"
    done = run_python(
        ["-m", "sparkmigrate_runtime", "--report", str(report), str(script),
         *script_args(name, inputs, tmp_path)],
        client_environment(spark_connect_server.url), cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout == reference["stdout"]

    document = json.loads(report.read_text())
    found = {(r["file"], r["line"], r["api"], r["code"]) for r in document["records"]}
    _, expected = SCRIPTS[name]
    for api, code, snippet in expected:
        assert (str(script), line_of(script, snippet), api, code) in found
    assert {r["outcome"] for r in document["records"]} == {"shimmed"}
