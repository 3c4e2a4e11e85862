"""The SparkContext facade on a real Spark Connect server: data sources, configuration,
files, broadcast, job groups and application properties, each checked against what the
server itself reports or what classic Spark documents.
"""

from __future__ import annotations

import inspect
import threading
import time
import uuid

import pytest
from pyspark import SparkConf, SparkContext
from pyspark.errors import PySparkRuntimeError
from pyspark.sql.connect.session import SparkSession as ConnectSession

from sparkmigrate_runtime import SparkMigrateWarning
from support import records


def test_parallelize_cuts_slices_like_classic(sc):
    # The examples of pyspark's SparkContext.parallelize documentation.
    assert sc.parallelize([0, 2, 3, 4, 6], 5).glom().collect() == [[0], [2], [3], [4], [6]]
    assert sc.parallelize(range(0, 6, 2), 5).glom().collect() == [[], [0], [], [2], [4]]
    assert sc.parallelize(["a", "b", "c"], 2).glom().collect() == [["a"], ["b", "c"]]
    data = list(range(2500))
    assert sc.parallelize(data, 7).collect() == data


def test_partition_counts_are_measured_not_assumed(sc, spark):
    def one_row_per_partition(batches):
        import pyarrow as pa

        for _ in batches:
            pass
        yield pa.RecordBatch.from_pylist([{"p": 1}], schema=pa.schema([("p", pa.int64())]))

    # spark.range without a partition count uses the server's default parallelism.
    server_parallelism = spark.range(0, 1).mapInArrow(one_row_per_partition, "p long").count()
    assert sc.defaultParallelism == server_parallelism == 2  # the test server is local[2]
    assert sc.parallelize(range(5), 4).getNumPartitions() == 4
    assert sc.defaultMinPartitions == 2
    assert sc.parallelize([1, 2, 3]).getNumPartitions() == sc.defaultParallelism
    assert sc.emptyRDD().getNumPartitions() == 0
    assert sc.range(10, numSlices=3).getNumPartitions() == 3


def test_range_and_empty_rdd(sc):
    assert sc.range(5).collect() == [0, 1, 2, 3, 4]
    assert sc.range(2, 11, 3).collect() == [2, 5, 8]
    assert sc.emptyRDD().isEmpty() and sc.emptyRDD().collect() == []


@pytest.fixture
def text_dir(tmp_path):
    (tmp_path / "a.txt").write_text("alpha beta\ngamma\n")
    (tmp_path / "b.txt").write_text("delta\n")
    return tmp_path


def test_text_files(sc, text_dir):
    assert sorted(sc.textFile(str(text_dir)).collect()) == ["alpha beta", "delta", "gamma"]
    both = f"{text_dir / 'a.txt'},{text_dir / 'b.txt'}"
    assert sc.textFile(both).count() == 3
    assert sorted(sc.textFile(str(text_dir / "a.txt"), use_unicode=False).collect()) == [
        b"alpha beta", b"gamma"
    ]
    files = dict(sc.wholeTextFiles(str(text_dir)).collect())
    assert files == {f"file:{text_dir / 'a.txt'}": "alpha beta\ngamma\n",
                     f"file:{text_dir / 'b.txt'}": "delta\n"}
    binary = dict(sc.binaryFiles(str(text_dir)).collect())
    assert binary[f"file:{text_dir / 'b.txt'}"] == b"delta\n"


def test_paths_are_hadoop_paths(sc, tmp_path):
    odd = tmp_path / "odd dir" / "c d+e%.txt"  # classic reports such names undecorated
    odd.parent.mkdir()
    odd.write_text("x")
    assert sc.wholeTextFiles(str(odd.parent)).keys().collect() == [f"file:{odd}"]
    assert sc.binaryFiles(str(odd.parent)).keys().collect() == [f"file:{odd}"]
    for year, word in (("2024", "a"), ("2025", "b"), ("2026", "c")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "part.txt").write_text(word)
    globbed = f"{tmp_path}/{{2024,2025}}/*.txt,{tmp_path / '2026'}"  # braces keep their comma
    assert sorted(sc.textFile(globbed).collect()) == ["a", "b", "c"]


def test_get_conf_is_a_copy_of_the_session_configuration(sc, spark):
    conf = sc.getConf()
    assert isinstance(conf, SparkConf)
    assert conf.get("spark.app.name") == spark.conf.get("spark.app.name")
    assert conf.contains("spark.master") and not conf.contains("spark.sparkmigrate.absent")
    assert conf.get("spark.sparkmigrate.absent") is None
    assert conf.get("spark.sparkmigrate.absent", "dflt") == "dflt"
    assert dict(conf.getAll()) == spark.conf.getAll
    conf.set("spark.sql.shuffle.partitions", "77")  # a copy, as classic getConf() returns
    assert spark.conf.get("spark.sql.shuffle.partitions") != "77"
    assert dict(sc._conf.getAll())["spark.app.id"] == spark.conf.get("spark.app.id")
    assert [r["code"] for r in records("SparkContext._conf")] == ["SPK112"]


def test_application_properties_come_from_the_server(sc, spark):
    import sys

    assert sc.appName == spark.conf.get("spark.app.name")
    assert sc.applicationId == spark.conf.get("spark.app.id")
    assert sc.master == "local[2]"
    assert sc.version == spark.version
    assert sc.startTime == int(spark.conf.get("spark.app.startTime"))
    assert sc.pythonVer == "%d.%d" % sys.version_info[:2]


def test_set_log_level_warns_at_the_call_and_validates(sc):
    line = inspect.currentframe().f_lineno + 2
    with pytest.warns(SparkMigrateWarning, match="spark.log.level") as warned:
        sc.setLogLevel("WARN")
    assert (warned[0].filename, warned[0].lineno) == (__file__, line)
    with pytest.raises(ValueError, match="invalid log level 'LOUD'"):
        sc.setLogLevel("LOUD")


def test_add_py_file_is_importable_on_driver_and_workers(sc, tmp_path):
    name = f"helper_{uuid.uuid4().hex}"
    (tmp_path / f"{name}.py").write_text("def triple(x):\n    return 3 * x\n")
    sc.addPyFile(str(tmp_path / f"{name}.py"))
    sc.addPyFile(f"file://{tmp_path / f'{name}.py'}")  # classic ignores a second add
    module = __import__(name)
    assert module.triple(2) == 6
    assert sc.parallelize([1, 2]).map(lambda x: module.triple(x)).collect() == [3, 6]
    with pytest.raises(FileNotFoundError, match="does not exist"):
        sc.addPyFile(str(tmp_path / "missing.py"))


def test_add_file_refuses_directories(sc, tmp_path):
    data = tmp_path / f"data-{uuid.uuid4().hex}.txt"
    data.write_text("x")
    sc.addFile(str(data))
    sc.addFile(str(data))
    with pytest.raises(NotImplementedError, match="single files, not directories"):
        sc.addFile(str(tmp_path))


def test_broadcast_value_reaches_workers(sc):
    lookup = sc.broadcast({"a": 1, "b": 2})
    rdd = sc.parallelize(["a", "b", "a"])
    assert rdd.map(lambda key: lookup.value[key]).collect() == [1, 2, 1]
    lookup.unpersist()
    assert rdd.map(lambda key: lookup.value[key]).sum() == 4
    lookup.destroy()
    assert lookup.value == {"a": 1, "b": 2}  # still readable on the driver, as in classic
    with pytest.raises(Exception, match="after it was destroyed"):
        rdd.map(lambda key: lookup.value[key]).collect()


def test_job_groups_and_descriptions_are_session_tags(sc, spark):
    sc.setJobGroup("etl", "nightly run")
    sc.setJobDescription("step one")
    assert spark.getTags() == {"etl", "step one"}
    sc.setJobGroup("etl-retry", "again")
    sc.setJobDescription(None)
    assert spark.getTags() == {"etl-retry"}
    sc.addJobTag("extra")
    assert sc.getJobTags() == {"etl-retry", "extra"}
    sc.clearJobTags()
    assert spark.getTags() == set()


def test_cancel_job_group_interrupts_a_running_job(sc):
    outcome = {}

    def slow_job():
        sc.setJobGroup("to-cancel", "sleeps")
        try:
            sc.parallelize(range(2), 2).map(lambda x: time.sleep(60) or x).collect()
            outcome["result"] = "finished"
        except Exception as error:  # the interruption
            outcome["result"] = error

    worker = threading.Thread(target=slow_job)
    started = time.monotonic()
    worker.start()
    while worker.is_alive() and time.monotonic() - started < 50:
        time.sleep(1)  # the job must be running before it can be interrupted
        sc.cancelJobGroup("to-cancel")
        worker.join(timeout=1)
    assert not worker.is_alive()
    assert time.monotonic() - started < 55  # well before the 60 s the job would sleep
    assert isinstance(outcome["result"], Exception)


def test_get_or_create_and_constructor_under_connect(sc, spark):
    assert SparkContext.getOrCreate() is sc
    assert SparkContext() is sc
    with pytest.warns(SparkMigrateWarning, match="spark.app.name were not applied"):
        assert SparkContext(appName="second") is sc
    assert spark.conf.get("spark.app.name") != "second"
    assert [(r["code"], r["count"]) for r in records("SparkContext.__init__")] == [
        ("SPK005", 1), ("SPK005", 1)]


def test_union_of_rdds_keeps_each_elements_form(sc, spark):
    merged = sc.union([sc.parallelize([1, 2]), sc.range(3, 5), spark.range(1).rdd])
    assert merged.collect()[:4] == [1, 2, 3, 4]
    assert merged.collect()[4].id == 0
    with pytest.raises(ValueError, match="at least one RDD"):
        sc.union([])


def test_facades_cannot_be_shipped_to_workers(sc):
    from pyspark import cloudpickle

    with pytest.raises(PySparkRuntimeError, match="CONTEXT_ONLY_VALID_ON_DRIVER"):
        cloudpickle.dumps(lambda: sc)
    rdd = sc.parallelize([1])
    with pytest.raises(PySparkRuntimeError, match="RDD_TRANSFORM_ONLY_VALID_ON_DRIVER"):
        cloudpickle.dumps(lambda: rdd)


def test_server_does_not_need_sparkmigrate_runtime(sc):
    def importable(_):
        import importlib.util

        return importlib.util.find_spec("sparkmigrate_runtime") is not None

    assert sc.parallelize([0]).map(importable).collect() == [False]
    assert isinstance(ConnectSession.getActiveSession(), ConnectSession)
