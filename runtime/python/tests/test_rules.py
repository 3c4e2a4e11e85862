"""The rule table against the specification: every API named in the brief maps to the code
the static checker uses, every code is documented, and every public facade member records.
"""

from __future__ import annotations

import inspect

import pytest
from pyspark.errors import PySparkAttributeError, PySparkNotImplementedError

from sparkmigrate_runtime.context import ConnectSparkContext
from sparkmigrate_runtime.errors import connect_error, strict_error, unfaithful_error
from sparkmigrate_runtime.rdd import ConnectRDD
from sparkmigrate_runtime.rules import RULES, all_codes, rule_for
from support import REPO_ROOT

SPECIFIED = [
    ("SparkSession.sparkContext", "SPK001"), ("SparkContext.__init__", "SPK005"),
    ("SparkContext.getOrCreate", "SPK005"), ("SparkContext.parallelize", "SPK101"),
    ("SparkContext.range", "SPK102"), ("SparkContext.emptyRDD", "SPK103"),
    ("SparkContext.textFile", "SPK104"), ("SparkContext.wholeTextFiles", "SPK105"),
    ("SparkContext.binaryFiles", "SPK106"), ("SparkContext.sequenceFile", "SPK107"),
    ("SparkContext.hadoopFile", "SPK107"), ("SparkContext.hadoopRDD", "SPK107"),
    ("SparkContext.newAPIHadoopFile", "SPK107"), ("SparkContext.newAPIHadoopRDD", "SPK107"),
    ("SparkContext.pickleFile", "SPK107"), ("SparkContext.objectFile", "SPK107"),
    ("SparkContext.binaryRecords", "SPK107"), ("RDD.saveAsSequenceFile", "SPK107"),
    ("RDD.saveAsHadoopDataset", "SPK107"), ("RDD.saveAsPickleFile", "SPK107"),
    ("SparkContext.broadcast", "SPK108"), ("SparkContext.accumulator", "SPK109"),
    ("SparkContext.setLogLevel", "SPK110"), ("SparkContext.addPyFile", "SPK111"),
    ("SparkContext.addFile", "SPK111"), ("SparkContext.addArchive", "SPK111"),
    ("SparkContext.getConf", "SPK112"), ("SparkContext._conf", "SPK112"),
    ("SparkContext.appName", "SPK113"), ("SparkContext.applicationId", "SPK113"),
    ("SparkContext.master", "SPK113"), ("SparkContext.version", "SPK113"),
    ("SparkContext.sparkUser", "SPK113"), ("SparkContext.startTime", "SPK113"),
    ("SparkContext.pythonVer", "SPK113"), ("SparkContext.uiWebUrl", "SPK114"),
    ("SparkContext.statusTracker", "SPK114"), ("SparkContext.getLocalProperty", "SPK114"),
    ("SparkContext.setSystemProperty", "SPK114"), ("SparkContext.resources", "SPK114"),
    ("SparkContext.listFiles", "SPK114"), ("SparkContext.listArchives", "SPK114"),
    ("SparkContext.dump_profiles", "SPK114"), ("SparkContext.show_profiles", "SPK114"),
    ("SparkContext.runJob", "SPK114"), ("SparkContext.getCheckpointDir", "SPK114"),
    ("SparkContext.defaultParallelism", "SPK115"),
    ("SparkContext.defaultMinPartitions", "SPK115"), ("SparkContext.setJobGroup", "SPK116"),
    ("SparkContext.setJobDescription", "SPK116"), ("SparkContext.setLocalProperty", "SPK116"),
    ("SparkContext.cancelJobGroup", "SPK116"), ("SparkContext.cancelAllJobs", "SPK116"),
    ("SparkContext.cancelJob", "SPK116"), ("SparkContext.setCheckpointDir", "SPK117"),
    ("SparkContext.union", "SPK118"), ("SparkContext.anythingElse", "SPK120"),
    ("DataFrame.rdd", "SPK301"), ("RDD.isEmpty", "SPK302"), ("RDD.collect", "SPK303"),
    ("RDD.take", "SPK303"), ("RDD.first", "SPK303"), ("RDD.count", "SPK303"),
    ("RDD.toLocalIterator", "SPK303"), ("RDD.getNumPartitions", "SPK305"),
    ("RDD.map", "SPK306"), ("RDD.filter", "SPK306"), ("RDD.flatMap", "SPK306"),
    ("RDD.mapPartitions", "SPK307"), ("RDD.mapPartitionsWithIndex", "SPK307"),
    ("RDD.zipWithIndex", "SPK308"), ("RDD.zipWithUniqueId", "SPK308"),
    ("RDD.reduceByKey", "SPK309"), ("RDD.groupByKey", "SPK309"),
    ("RDD.aggregateByKey", "SPK309"), ("RDD.combineByKey", "SPK309"),
    ("RDD.countByKey", "SPK309"), ("RDD.sortByKey", "SPK309"), ("RDD.toDF", "SPK310"),
    ("SparkSession.createDataFrame", "SPK310"), ("RDD.saveAsTextFile", "SPK311"),
    ("RDD.cache", "SPK313"), ("RDD.persist", "SPK313"), ("RDD.repartition", "SPK313"),
    ("RDD.coalesce", "SPK313"), ("RDD.glom", "SPK313"), ("DataFrame.toJSON", "SPK401"),
    ("SQLContext.__init__", "SPK501"), ("SQLContext.getOrCreate", "SPK501"),
    ("HiveContext.__init__", "SPK503"),
    # SQLContext methods: the static checker's codes for them (docs/rules/SPK502.md, SPK504.md)
    ("SQLContext.sql", "SPK502"), ("SQLContext.tableNames", "SPK502"),
    # Where the brief is silent, the static checker's codes (docs/rules/SPK120, 201, 306).
    ("SparkContext._jvm", "SPK201"), ("SparkContext.addJobTag", "SPK120"),
    ("RDD.reduce", "SPK306"), ("RDD.union", "SPK306"), ("RDD.foreachPartition", "SPK306"),
    ("RDD.pipe", "SPK306"),
    ("HiveContext.refreshTable", "SPK502"), ("SQLContext.registerJavaFunction", "SPK504"),
    # Sampling (issue 14): the RDD catch-all, as in the static checker (rules/SPK306.toml).
    ("RDD.sample", "SPK306"), ("RDD.takeSample", "SPK306"), ("RDD.randomSplit", "SPK306"),
    ("RDD.sampleByKey", "SPK306"), ("RDD.sampleStdev", "SPK306"),
    # Connect session and DataFrame members the static checker knows (rules/SPK002, SPK003,
    # SPK004, SPK201, SPK203, SPK407).
    ("SparkSession._jsc", "SPK002"), ("SparkSession._jsparkSession", "SPK002"),
    ("SparkSession._jconf", "SPK002"), ("SparkSession._sc", "SPK003"),
    ("SparkSession.newSession", "SPK004"), ("SparkSession._jvm", "SPK201"),
    ("DataFrame._jdf", "SPK203"), ("DataFrame._jcols", "SPK203"),
    ("DataFrame.sql_ctx", "SPK407"), ("DataFrame.sqlContext", "SPK407"),
    ("DataFrame._sc", "SPK407"),
]


@pytest.mark.parametrize(("api", "code"), SPECIFIED)
def test_api_maps_to_specified_code(api, code):
    assert rule_for(api).code == code


def test_every_code_is_specified_and_every_specified_code_is_used():
    assert all_codes() == {code for _, code in SPECIFIED}


def test_every_code_and_unfaithful_api_is_documented():
    # docs/runtime.md, and the package README for what it does not describe yet.
    text = (REPO_ROOT / "docs" / "runtime.md").read_text() + (
        REPO_ROOT / "runtime" / "python" / "README.md").read_text()
    assert not {code for code in all_codes() if code not in text}
    refused = [api for api, rule in RULES.items() if rule.reason and not api.endswith(".*")]
    assert not [api for api in refused if api.split(".", 1)[1] not in text]


def test_unknown_api_of_unknown_class_has_no_rule():
    with pytest.raises(KeyError, match="no sparkmigrate rule"):
        rule_for("Nothing.here")


@pytest.mark.parametrize("facade", [ConnectRDD, ConnectSparkContext])
def test_every_public_facade_member_is_recorded(facade):
    helpers = {"of_rows", "of_tuples", "of_column", "of_pickled", "union_all", "context"}
    unrecorded = []
    for name, member in inspect.getmembers(facade):
        if name.startswith("_") or name in helpers:
            continue
        function = member.fget if isinstance(member, property) else member
        if not hasattr(function, "__wrapped__"):
            unrecorded.append(name)
    assert unrecorded == []


def test_connect_error_is_the_exact_connect_error():
    error = connect_error("SparkSession.sparkContext")
    assert isinstance(error, PySparkAttributeError)
    assert str(error).startswith(
        "[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `sparkContext` is not supported in Spark "
        "Connect as it depends on the JVM."
    )
    assert str(connect_error("DataFrame.rdd")) == "[NOT_IMPLEMENTED] rdd is not implemented."


def test_shim_errors_keep_connect_class_condition_and_message():
    refused = unfaithful_error("SparkContext.accumulator")
    assert isinstance(refused, PySparkNotImplementedError)
    assert refused.getCondition() == "NOT_IMPLEMENTED"
    assert refused.code == "SPK109"
    first, second = str(refused).split("\n")
    assert first == "[NOT_IMPLEMENTED] SparkContext.accumulator is not implemented."
    assert second.startswith("[SPK109] sparkmigrate-runtime cannot route SparkContext.accumulator")
    assert "Suggested rewrite:" in second

    strict = strict_error("SparkContext.parallelize")
    assert strict.code == "SPK101"
    assert "spark.createDataFrame(data, schema)" in str(strict)
