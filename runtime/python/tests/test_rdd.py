"""The RDD facade on a real Spark Connect server: element forms, transformations, actions,
key-based operations, ordering, partitions, persistence, conversion to DataFrames and output.
Expected values are what plain Python computes or what classic Spark's RDD API documents.
"""

from __future__ import annotations

import datetime
import decimal
import gzip
import os
import statistics
from collections import defaultdict
from operator import add

import pytest
from pyspark.resultiterable import ResultIterable
from pyspark.sql import Row
from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType
from pyspark.storagelevel import StorageLevel

from support import records


def test_elements_keep_their_form(sc, spark, tmp_path):
    rows = spark.createDataFrame([(1, "a")], "id int, tag string").rdd
    assert rows.collect() == [Row(id=1, tag="a")]
    assert rows.map(lambda row: (row.tag, row["id"], type(row).__name__)).collect() == [
        ("a", 1, "Row")
    ]
    assert sc.range(3).map(lambda x: x + 1).collect() == [1, 2, 3]
    (tmp_path / "f.txt").write_text("one\ntwo\n")
    assert sc.textFile(str(tmp_path)).map(len).collect() == [3, 3]
    pairs = sc.wholeTextFiles(str(tmp_path))
    assert pairs.map(lambda pair: (type(pair).__name__, pair[1])).collect() == [
        ("tuple", "one\ntwo\n")
    ]
    values = [{"a": [1, 2]}, frozenset({1, 2}), decimal.Decimal("1.50"),
              datetime.datetime(2024, 2, 29, 12, 30), None, ("nested", (1, 2.5)), b"\x00\xff"]
    assert sc.parallelize(values, 3).map(lambda v: v).collect() == values


def test_per_element_transformations(sc):
    data = list(range(10))
    rdd = sc.parallelize(data, 3)
    assert rdd.map(lambda x: x * x).collect() == [x * x for x in data]
    assert rdd.flatMap(lambda x: [x] * (x % 3)).collect() == [
        y for x in data for y in [x] * (x % 3)
    ]
    assert rdd.filter(lambda x: x % 2).collect() == [1, 3, 5, 7, 9]
    keyed = rdd.keyBy(lambda x: x % 3)
    assert keyed.keys().collect() == [x % 3 for x in data]
    assert keyed.values().collect() == data
    assert keyed.mapValues(str).collect() == [(x % 3, str(x)) for x in data]
    assert keyed.flatMapValues(lambda x: range(x % 2)).collect() == [
        (x % 3, 0) for x in data if x % 2
    ]
    assert {r["code"] for r in records() if r["api"].startswith("RDD.") and r["api"] in (
        "RDD.map", "RDD.flatMap", "RDD.filter", "RDD.keyBy", "RDD.keys", "RDD.values",
        "RDD.mapValues", "RDD.flatMapValues")} == {"SPK306"}


def test_actions(sc):
    data = [5, 3, 8, 1]
    rdd = sc.parallelize(data, 2)
    assert rdd.count() == 4
    assert rdd.take(2) == [5, 3] and rdd.take(0) == [] and rdd.first() == 5
    assert not rdd.isEmpty()
    assert rdd.reduce(add) == 17 and rdd.fold(0, add) == 17 and rdd.sum() == 17
    assert rdd.aggregate((0, 0), lambda acc, x: (acc[0] + x, acc[1] + 1),
                         lambda a, b: (a[0] + b[0], a[1] + b[1])) == (17, 4)
    assert rdd.max() == 8 and rdd.min() == 1 and rdd.max(key=lambda x: -x) == 1
    assert rdd.top(2) == [8, 5] and rdd.takeOrdered(2) == [1, 3]
    assert rdd.takeOrdered(2, key=lambda x: -x) == [8, 5]
    stats = rdd.stats()
    assert (stats.count(), stats.mean(), stats.max()) == (4, statistics.mean(data), 8)
    assert stats.stdev() == pytest.approx(statistics.pstdev(data))
    assert rdd.mean() == statistics.mean(data)
    assert dict(rdd.map(lambda x: x % 2).countByValue()) == {1: 3, 0: 1}
    assert list(rdd.toLocalIterator()) == data
    pairs = sc.parallelize([("a", 1), ("b", 2), ("a", 3)])
    assert pairs.collectAsMap() == {"a": 3, "b": 2}
    assert sorted(pairs.lookup("a")) == [1, 3]


def test_actions_on_empty_rdds_fail_like_classic(sc):
    empty = sc.emptyRDD()
    with pytest.raises(ValueError, match="^RDD is empty$"):
        empty.first()
    with pytest.raises(ValueError, match=r"^Can not reduce\(\) empty RDD$"):
        sc.parallelize([], 2).reduce(add)
    assert empty.isEmpty() and empty.take(3) == [] and empty.count() == 0
    assert sc.parallelize([], 2).fold(0, add) == 0 and empty.sum() == 0


def python_groups(pairs):
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


def test_keys_group_by_python_equality(sc):
    pairs = [(1, "int"), (1.0, "float"), (True, "bool"), ("1", "str"), ((1, 2), "tuple"),
             (frozenset({1, 2}), "set"), (None, "none"), ("1", "str2")]
    rdd = sc.parallelize(pairs, 3)
    expected = {key: sorted(values) for key, values in python_groups(pairs).items()}
    grouped = rdd.groupByKey().collect()
    assert all(isinstance(values, ResultIterable) for _, values in grouped)
    assert {key: sorted(values) for key, values in grouped} == expected
    counted = rdd.mapValues(lambda _: 1).reduceByKey(add).collect()
    assert len(counted) == len(expected)
    assert dict(counted) == {key: len(values) for key, values in expected.items()}
    assert dict(rdd.countByKey()) == {key: len(values) for key, values in expected.items()}
    assert sorted(rdd.keys().distinct().collect(), key=repr) == sorted(expected, key=repr)


def test_combining_aggregations(sc):
    sales = [("fruit", 3), ("veg", 2), ("fruit", 5), ("dairy", 1), ("veg", 4)]
    rdd = sc.parallelize(sales, 3)
    totals = {key: sum(values) for key, values in python_groups(sales).items()}
    assert dict(rdd.reduceByKey(add).collect()) == totals
    assert dict(rdd.foldByKey(0, add).collect()) == totals
    assert dict(rdd.aggregateByKey(0, add, add).collect()) == totals
    assert dict(rdd.combineByKey(lambda v: [v], lambda c, v: c + [v],
                                 lambda a, b: a + b).mapValues(sorted).collect()) == {
        key: sorted(values) for key, values in python_groups(sales).items()
    }
    assert dict(rdd.groupBy(lambda pair: pair[1] % 2).mapValues(len).collect()) == {1: 3, 0: 2}
    by_four = rdd.reduceByKey(add, numPartitions=4)
    assert by_four.getNumPartitions() == 4 and dict(by_four.collect()) == totals


def test_joins_and_cogroup(sc):
    left = sc.parallelize([("a", 1), ("b", 2), ("a", 3)])
    right = sc.parallelize([("a", "x"), ("c", "y")])
    assert sorted(left.join(right).collect()) == [("a", (1, "x")), ("a", (3, "x"))]
    assert sorted(left.leftOuterJoin(right).collect()) == [
        ("a", (1, "x")), ("a", (3, "x")), ("b", (2, None))]
    assert sorted(left.rightOuterJoin(right).collect()) == [
        ("a", (1, "x")), ("a", (3, "x")), ("c", (None, "y"))]
    assert sorted(left.fullOuterJoin(right).collect(), key=repr) == sorted(
        [("a", (1, "x")), ("a", (3, "x")), ("b", (2, None)), ("c", (None, "y"))], key=repr)
    grouped = {k: (sorted(v), sorted(w)) for k, (v, w) in left.cogroup(right).collect()}
    assert grouped == {"a": ([1, 3], ["x"]), "b": ([2], []), "c": ([], ["y"])}


@pytest.mark.parametrize("values", [
    ["pear", "apple", "fig", "apple", "kiwi", "Zebra", "éclair"],
    [3, 1.5, -2, 10**12, 0.25, True],
    [2**70, -(2**70), 5],
    [(1, 2), (1,), (0, 5, 6), (1, 1)],
    [datetime.date(2024, 1, 2), datetime.date(1999, 12, 31)],
    [b"b", b"a\xff", b"a"],
])
def test_sort_orders_like_python(sc, values):
    assert sc.parallelize(values, 3).sortBy(lambda v: v).collect() == sorted(values)


def test_descending_sort(sc):
    words = ["pear", "apple", "fig", "apple", "kiwi"]
    assert sc.parallelize(words, 2).sortBy(lambda w: (len(w), w), ascending=False).collect() == (
        sorted(words, key=lambda w: (len(w), w), reverse=True))


def test_sort_by_key_with_partitions(sc):
    pairs = [(word, len(word)) for word in ["pear", "apple", "fig", "kiwi", "plum", "date"]]
    ranged = sc.parallelize(pairs, 2).sortByKey(numPartitions=3)
    parts = ranged.glom().collect()
    assert len(parts) == 3
    assert [pair for part in parts for pair in part] == sorted(pairs)
    assert sc.parallelize(pairs).sortByKey(keyfunc=lambda k: k[::-1]).keys().collect() == sorted(
        (k for k, _ in pairs), key=lambda k: k[::-1])


def test_partition_level_operations(sc, tmp_path):
    rdd = sc.parallelize(range(10), 3)
    assert rdd.mapPartitionsWithIndex(lambda i, it: [(i, list(it))]).collect() == [
        (0, [0, 1, 2]), (1, [3, 4, 5]), (2, [6, 7, 8, 9])]
    assert rdd.mapPartitions(lambda it: [sum(it)]).collect() == [3, 12, 30]
    letters = sc.parallelize(list("abcde"), 2)
    assert letters.zipWithIndex().collect() == [(c, i) for i, c in enumerate("abcde")]
    assert letters.zipWithUniqueId().collect() == [
        ("a", 0), ("b", 2), ("c", 1), ("d", 3), ("e", 5)]  # k * n + i, as classic documents
    assert rdd.repartition(4).getNumPartitions() == 4
    assert rdd.coalesce(1).glom().collect() == [list(range(10))]
    assert rdd.coalesce(2, shuffle=True).getNumPartitions() == 2

    marker_dir = str(tmp_path)
    rdd.foreach(lambda x: open(os.path.join(marker_dir, f"element-{x}"), "w").close())
    rdd.foreachPartition(lambda it: open(os.path.join(marker_dir, f"part-{sum(it)}"), "w").close())
    assert sorted(os.listdir(tmp_path)) == sorted(
        [f"element-{x}" for x in range(10)] + ["part-3", "part-12", "part-30"])


def test_partition_by_places_keys_exactly(sc, monkeypatch):
    from pyspark.rdd import portable_hash

    monkeypatch.setenv("PYTHONHASHSEED", "0")  # portable_hash insists; ints ignore the seed
    pairs = sc.parallelize([(k, k * k) for k in range(8)], 2)
    assert pairs.partitionBy(3, lambda k: k % 3).glom().map(sorted).collect() == [
        [(0, 0), (3, 9), (6, 36)], [(1, 1), (4, 16), (7, 49)], [(2, 4), (5, 25)]]
    placed = pairs.partitionBy(2).glom().collect()
    assert all(portable_hash(k) % 2 == index for index, part in enumerate(placed)
               for k, _ in part)


def test_parallelized_data_is_partitioned_like_classic(sc):
    # Expected values printed by classic local Spark for the same calls.
    assert sc.parallelize(range(2), 4).glom().collect() == [[], [0], [], [1]]
    assert sc.parallelize(range(10, 0, -3), 2).glom().collect() == [[10, 7], [4, 1]]
    assert sc.parallelize(range(7), 3).map(lambda x: x).glom().collect() == [
        [0, 1], [2, 3], [4, 5, 6]]
    assert sc.parallelize(list("abcde"), 2).glom().collect() == [["a", "b"], ["c", "d", "e"]]
    assert sc.parallelize([0.5, 1.5, float("inf")], 2).glom().collect() == [[0.5], [1.5, 1e999]]
    # Values a typed column would change are pickled: bools stay bools, big ints stay exact.
    assert sc.parallelize([True, 1, 2**70], 2).map(lambda v: type(v).__name__).collect() == [
        "bool", "int", "int"]
    assert sc.parallelize([2**70, 1]).map(lambda v: v + 1).collect() == [2**70 + 1, 2]
    assert sc.parallelize(["caf\u00e9", "\ud800"], 2).map(lambda v: v).collect() == [
        "caf\u00e9", "\ud800"]  # a lone surrogate Arrow cannot encode: pickled


def test_pipelined_functions_run_once_per_element_and_fail_like_classic(sc, tmp_path):
    calls = str(tmp_path / "calls")

    def traced(x):
        with open(calls, "a") as log:
            log.write(f"{x}\n")
        return x * 10

    rdd = sc.parallelize(range(6), 2).map(traced).filter(lambda x: x % 20 == 0)
    assert rdd.flatMap(lambda x: [x, -x]).sum() == 0
    assert sorted(int(line) for line in open(calls)) == list(range(6))  # once each
    cached = sc.parallelize(range(6), 2).map(traced).cache()
    assert cached.count() == 6 and cached.map(lambda x: x + 1).sum() == 156
    assert len(open(calls).read().split()) == 12  # the cached elements were not recomputed
    cached.unpersist()

    def stops(x):
        raise StopIteration  # classic turns this into an error, never a silent end of data

    with pytest.raises(Exception, match="StopIteration"):
        sc.parallelize(range(4), 2).map(stops).collect()


def test_plain_columns_are_read_as_the_rows_classic_gives(spark, sc):
    frame = spark.createDataFrame(
        [(1, "a", 2.5, True, None), (None, None, None, None, 7)],
        "id long, tag string, score double, ok boolean, n int")
    assert frame.rdd.map(lambda row: row).collect() == frame.rdd.collect()
    assert frame.rdd.map(lambda row: (row.tag, row["n"], row.asDict()["id"])).collect() == [
        ("a", None, 1), (None, 7, None)]
    dated = spark.createDataFrame([(datetime.date(2024, 2, 29), decimal.Decimal("1.50"))],
                                  "day date, amount decimal(4,2)")
    assert dated.rdd.map(lambda row: (row.day.isoformat(), str(row.amount))).collect() == [
        ("2024-02-29", "1.50")]


def test_persistence(sc):
    cached = sc.parallelize([1, 2, 3]).map(lambda x: x * 2).cache()
    assert cached.getStorageLevel() == StorageLevel.MEMORY_ONLY
    assert cached.sum() == 12
    cached.unpersist()
    assert cached.getStorageLevel() == StorageLevel.NONE
    on_disk = sc.range(3).persist(StorageLevel.DISK_ONLY)
    assert on_disk.getStorageLevel() == StorageLevel.DISK_ONLY
    on_disk.unpersist()
    assert [r["code"] for r in records("RDD.cache")] == ["SPK313"]


def test_cartesian_pairs_in_classic_order(sc):
    # Classic: partitions [1] [2, 3] x ["a"] ["b"] -> (0,0) (0,1) (1,0) (1,1), each left element
    # with every right element within a pair of partitions.
    pairs = sc.parallelize([1, 2, 3], 2).cartesian(sc.parallelize(["a", "b"], 2))
    assert pairs.collect() == [(1, "a"), (1, "b"), (2, "a"), (3, "a"), (2, "b"), (3, "b")]
    assert pairs.count() == 6
    assert pairs.map(lambda p: p[0]).sum() == 12


def test_union_mixes_element_forms(sc, spark):
    merged = sc.parallelize(["x"]).union(sc.range(2)).union(spark.range(1).rdd)
    assert merged.collect() == ["x", 0, 1, Row(id=0)]
    assert sc.range(2).union(sc.range(3, 4)).collect() == [0, 1, 3]


def test_to_df_infers_like_classic(sc, spark):
    people = sc.parallelize([(1, "a", None), (2, "b", 2.5)]).toDF(["id", "tag", "score"])
    assert people.schema.simpleString() == "struct<id:bigint,tag:string,score:double>"
    assert people.collect() == [Row(id=1, tag="a", score=None), Row(id=2, tag="b", score=2.5)]
    from_dicts = sc.parallelize([{"b": 1, "a": "x"}]).toDF()
    assert from_dicts.columns == ["a", "b"]
    assert sc.parallelize([Row(n=1, sq=1)]).toDF().columns == ["n", "sq"]
    assert sc.parallelize([(1, "x")]).toDF("a int, b string").dtypes == [
        ("a", "int"), ("b", "string")]
    ints = spark.createDataFrame(sc.parallelize([1, 2]), IntegerType())
    assert ints.collect() == [Row(value=1), Row(value=2)]
    sampled = spark.createDataFrame(sc.parallelize([(None,), (7,)]), ["v"], samplingRatio=1.0)
    assert sampled.dtypes == [("v", "bigint")]
    with pytest.raises(ValueError, match="^RDD is empty$"):
        sc.emptyRDD().toDF()
    assert [r["code"] for r in records("RDD.toDF")] == ["SPK310"] * 5  # five call sites
    assert {r["code"] for r in records("SparkSession.createDataFrame")} == {"SPK310"}


def test_explicit_schema_is_verified_and_kept(sc, spark):
    schema = StructType([StructField("id", LongType(), False),
                         StructField("name", StringType(), True)])
    df = spark.createDataFrame(sc.parallelize([(1, "a"), (2, None)]), schema)
    assert df.schema == schema
    assert df.collect() == [Row(id=1, name="a"), Row(id=2, name=None)]
    bad = spark.createDataFrame(sc.parallelize([("not a number", "a")]), schema)
    with pytest.raises(Exception, match="LongType"):
        bad.collect()
    unchecked = spark.createDataFrame(sc.parallelize([(1, "a")]), schema, verifySchema=False)
    assert unchecked.count() == 1


def test_save_as_text_file(sc, tmp_path):
    out = tmp_path / "plain"
    sc.parallelize(["a", 1, b"z", ("t", 2)], 2).saveAsTextFile(str(out))
    lines = [line for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    assert sorted(lines) == ["('t', 2)", "1", "a", "z"]
    assert (out / "_SUCCESS").exists()
    zipped = tmp_path / "zipped"
    sc.parallelize(["x", "y"]).saveAsTextFile(
        str(zipped), "org.apache.hadoop.io.compress.GzipCodec")
    parts = sorted(zipped.glob("part-*.gz"))
    assert parts and sorted(line for part in parts
                            for line in gzip.decompress(part.read_bytes()).decode().split()) == [
        "x", "y"]
    with pytest.raises(Exception, match="already exists"):
        sc.parallelize(["again"]).saveAsTextFile(str(out))


def test_to_json(spark, install):
    install("shim")
    df = spark.createDataFrame([(1, "a", None)], "id int, tag string, score double")
    assert df.toJSON().collect() == ['{"id":1,"tag":"a"}']
    assert df.toJSON(use_unicode=False).first() == b'{"id":1,"tag":"a"}'
    assert df.toJSON().map(lambda doc: len(doc)).collect() == [18]


def test_map_partitions_with_split_is_the_deprecated_name_of_with_index(sc):
    rdd = sc.parallelize(range(6), 3)
    with pytest.warns(FutureWarning, match="mapPartitionsWithSplit is deprecated"):
        split = rdd.mapPartitionsWithSplit(lambda index, it: [(index, sum(it))])
    assert split.collect() == [(0, 1), (1, 5), (2, 9)]
    assert [r["code"] for r in records("RDD.mapPartitionsWithSplit")] == ["SPK306"]
