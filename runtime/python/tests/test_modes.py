"""The three modes on a real Spark Connect session, against Connect's own behaviour.

shim: incompatible calls are routed and recorded ``shimmed``; calls without a faithful
equivalent raise Connect's error class with the rule code appended (``raised``).
record: the original Connect error, unchanged, and a ``raised`` record.
strict: the first incompatible call raises, naming the rule code and the suggested rewrite.
"""

from __future__ import annotations

import pytest
from pyspark.errors import (
    PySparkAttributeError,
    PySparkNotImplementedError,
    PySparkRuntimeError,
)

import sparkmigrate_runtime
from sparkmigrate_runtime import SparkMigrateError
from support import records


def connect_failure(action):
    """The exception ``action`` raises on the bare Connect session."""
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def get_spark_context(spark):
    return spark.sparkContext


def get_rdd(spark):
    return spark.range(2).rdd


def call_to_json(spark):
    return spark.range(2).toJSON()


def get_or_create_context(spark):
    from pyspark import SparkContext

    return SparkContext.getOrCreate()


ENTRY_POINTS = [
    (get_spark_context, "SparkSession.sparkContext", "SPK001", PySparkAttributeError),
    (get_rdd, "DataFrame.rdd", "SPK301", PySparkNotImplementedError),
    (call_to_json, "DataFrame.toJSON", "SPK401", PySparkNotImplementedError),
    (get_or_create_context, "SparkContext.getOrCreate", "SPK005", PySparkRuntimeError),
]


@pytest.mark.parametrize(("action", "api", "code", "error_class"), ENTRY_POINTS)
def test_record_mode_raises_exactly_what_connect_raises(spark, install, action, api, code,
                                                        error_class):
    bare = connect_failure(lambda: action(spark))
    assert type(bare) is error_class

    install("record")
    recorded = connect_failure(lambda: action(spark))
    assert type(recorded) is type(bare)
    assert str(recorded) == str(bare)
    assert [(r["code"], r["outcome"], r["count"]) for r in records(api)] == [
        (code, "raised", 1)
    ]


@pytest.mark.parametrize(("action", "api", "code", "error_class"), ENTRY_POINTS)
def test_strict_mode_raises_at_once_with_code_and_rewrite(spark, install, action, api, code,
                                                          error_class):
    bare = str(connect_failure(lambda: action(spark)))
    install("strict")
    error = connect_failure(lambda: action(spark))
    assert isinstance(error, error_class) and isinstance(error, SparkMigrateError)
    assert error.code == code
    message = str(error)
    assert message.startswith(bare)
    assert f"[{code}] sparkmigrate-runtime (strict mode): {api}" in message
    assert "Suggested rewrite: " in message
    assert [(r["code"], r["outcome"]) for r in records(api)] == [(code, "raised")]


def test_shim_mode_routes_entry_points(spark, install):
    install("shim")
    assert spark.sparkContext is spark.sparkContext  # one facade per session
    assert spark.range(3).rdd.map(lambda row: row.id * 2).collect() == [0, 2, 4]
    assert spark.range(2).toJSON().collect() == ['{"id":0}', '{"id":1}']
    from pyspark import SparkContext

    assert SparkContext.getOrCreate() is spark.sparkContext
    assert {r["outcome"] for r in records()} == {"shimmed"}
    assert {r["api"] for r in records()} >= {
        "SparkSession.sparkContext", "DataFrame.rdd", "RDD.map", "RDD.collect",
        "DataFrame.toJSON", "SparkContext.getOrCreate",
    }


REFUSED = [
    (lambda sc: sc.accumulator(0), "SparkContext.accumulator", "SPK109"),
    (lambda sc: sc.hadoopFile("/x", "a", "b", "c"), "SparkContext.hadoopFile", "SPK107"),
    (lambda sc: sc.sequenceFile("/x"), "SparkContext.sequenceFile", "SPK107"),
    (lambda sc: sc.statusTracker(), "SparkContext.statusTracker", "SPK114"),
    (lambda sc: sc.runJob(None, None), "SparkContext.runJob", "SPK114"),
    (lambda sc: sc.uiWebUrl, "SparkContext.uiWebUrl", "SPK114"),
    (lambda sc: sc.sparkUser(), "SparkContext.sparkUser", "SPK113"),
    (lambda sc: sc.setCheckpointDir("/tmp/x"), "SparkContext.setCheckpointDir", "SPK117"),
    (lambda sc: sc.setLocalProperty("spark.scheduler.pool", "p"),
     "SparkContext.setLocalProperty", "SPK116"),
    (lambda sc: sc.addFile("hdfs://namenode/data.csv"), "SparkContext.addFile", "SPK111"),
    (lambda sc: sc.setJobGroup("a,b", "commas are not tags"), "SparkContext.setJobGroup",
     "SPK116"),
    (lambda sc: sc.parallelize([1]).saveAsSequenceFile("/x"), "RDD.saveAsSequenceFile",
     "SPK107"),
    (lambda sc: sc.parallelize([1]).checkpoint(), "RDD.checkpoint", "SPK306"),
    (lambda sc: sc.parallelize([(None, 1), ("a", 2)]).sortByKey().collect(), "RDD.sortByKey",
     "SPK309"),
]


@pytest.mark.parametrize(("action", "api", "code"), REFUSED)
def test_shim_refuses_what_has_no_faithful_equivalent(sc, action, api, code):
    with pytest.raises(PySparkNotImplementedError) as caught:
        action(sc)
    error = caught.value
    assert isinstance(error, SparkMigrateError) and error.code == code
    connect_line, explanation = str(error).split("\n")
    assert connect_line == f"[NOT_IMPLEMENTED] {api} is not implemented."
    assert explanation.startswith(f"[{code}] sparkmigrate-runtime cannot route {api}")
    assert "Suggested rewrite: " in explanation
    assert [(r["code"], r["outcome"]) for r in records(api)] == [(code, "raised")]


def test_unknown_members_are_attribute_errors(sc):
    with pytest.raises(PySparkAttributeError, match=r"\[JVM_ATTRIBUTE_NOT_SUPPORTED\]") as jsc:
        sc._jsc
    assert jsc.value.code == "SPK120"
    assert not hasattr(sc, "madeUpMember")
    assert not hasattr(sc.parallelize([1]), "pipe")
    assert [r["code"] for r in records("RDD.pipe")] == ["SPK306"]
    assert [r["outcome"] for r in records("SparkContext.madeUpMember")] == ["raised"]


def test_uninstall_restores_connect_behaviour(spark, install):
    install("shim")
    spark.sparkContext
    sparkmigrate_runtime.uninstall()
    with pytest.raises(PySparkAttributeError, match="JVM_ATTRIBUTE_NOT_SUPPORTED"):
        spark.sparkContext
    assert [r["count"] for r in records("SparkSession.sparkContext")] == [1]


def test_only_the_installed_session_is_shimmed(spark, spark_connect_server, install):
    from pyspark.sql.connect.session import SparkSession as ConnectSession

    install("shim")
    other = ConnectSession.builder.remote(spark_connect_server.url).create()
    try:
        with pytest.raises(PySparkAttributeError, match="JVM_ATTRIBUTE_NOT_SUPPORTED"):
            other.sparkContext
        assert spark.sparkContext is not None
    finally:
        other.stop()


def test_bad_install_arguments_fail_on_one_line(spark):
    bad_mode = r"^mode must be one of shim, record, strict, rewrite; got 'loud'$"
    with pytest.raises(ValueError, match=bad_mode):
        sparkmigrate_runtime.install(spark, mode="loud")
    not_a_session = r"^install\(\) needs a Spark Connect SparkSession, got str$"
    with pytest.raises(TypeError, match=not_a_session):
        sparkmigrate_runtime.install("spark")
