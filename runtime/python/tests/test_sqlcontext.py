"""SQLContext and HiveContext facades: every SQLContext method maps to the Connect session,
each call is recorded, and HiveContext is only routed when the server catalog is Hive.
"""

from __future__ import annotations

import pytest
from pyspark.errors import PySparkNotImplementedError
from pyspark.sql import HiveContext, Row, SQLContext
from pyspark.sql.types import IntegerType

from support import records


@pytest.fixture
def sql_context(sc):
    with pytest.warns(FutureWarning, match="Deprecated in 3.0.0"):
        return SQLContext(sc)


def test_sql_context_is_a_sql_context_over_the_session(sql_context, sc, spark):
    assert isinstance(sql_context, SQLContext)
    assert sql_context.sparkSession is spark
    with pytest.warns(FutureWarning):
        assert SQLContext.getOrCreate(sc) is SQLContext.getOrCreate(sc)
    assert [r["code"] for r in records("SQLContext.__init__")] == ["SPK501"]


def test_queries_tables_and_functions(sql_context, spark):
    people = sql_context.createDataFrame([("alice", 34), ("bob", 45)], ["name", "age"])
    sql_context.registerDataFrameAsTable(people, "sqlctx_people")
    with pytest.warns(FutureWarning):
        sql_context.registerFunction("sqlctx_plus_one", lambda x: x + 1, IntegerType())
    assert sql_context.sql(
        "SELECT name, sqlctx_plus_one(age) AS next FROM sqlctx_people ORDER BY name"
    ).collect() == [Row(name="alice", next=35), Row(name="bob", next=46)]
    assert sql_context.table("sqlctx_people").count() == 2
    assert "sqlctx_people" in sql_context.tableNames()
    assert "sqlctx_people" in sql_context.tableNames("default")
    listed = sql_context.tables().filter("tableName = 'sqlctx_people'")
    assert listed.columns == ["namespace", "tableName", "isTemporary"]
    assert listed.select("isTemporary").collect() == [Row(isTemporary=True)]
    sql_context.cacheTable("sqlctx_people")
    assert spark.catalog.isCached("sqlctx_people")
    sql_context.uncacheTable("sqlctx_people")
    assert not spark.catalog.isCached("sqlctx_people")
    sql_context.cacheTable("sqlctx_people")
    sql_context.clearCache()
    assert not spark.catalog.isCached("sqlctx_people")
    sql_context.dropTempTable("sqlctx_people")
    assert "sqlctx_people" not in sql_context.tableNames()
    sql_context.udf.register("sqlctx_twice", lambda x: 2 * x, IntegerType())
    assert sql_context.sql("SELECT sqlctx_twice(4) AS v").first().v == 8
    methods = {r["api"]: r["code"] for r in records()
               if r["api"].startswith("SQLContext.") and r["api"] != "SQLContext.__init__"}
    assert set(methods) >= {
        "SQLContext.createDataFrame", "SQLContext.registerDataFrameAsTable", "SQLContext.sql",
        "SQLContext.registerFunction", "SQLContext.tableNames", "SQLContext.cacheTable",
        "SQLContext.dropTempTable", "SQLContext.udf",
    }
    assert set(methods.values()) == {"SPK502"}


def test_configuration_range_and_readers(sql_context, spark, tmp_path):
    original = spark.conf.get("spark.sql.shuffle.partitions")
    sql_context.setConf("spark.sql.shuffle.partitions", "7")
    try:
        assert sql_context.getConf("spark.sql.shuffle.partitions") == "7"
        assert spark.conf.get("spark.sql.shuffle.partitions") == "7"
    finally:
        spark.conf.set("spark.sql.shuffle.partitions", original)
    assert sql_context.getConf("spark.sparkmigrate.absent", "dflt") == "dflt"
    assert sql_context.range(1, 7, 2).collect() == [Row(id=1), Row(id=3), Row(id=5)]
    (tmp_path / "x.json").write_text('{"a": 1}\n')
    assert sql_context.read.json(str(tmp_path / "x.json")).collect() == [Row(a=1)]
    assert sql_context.streams.active == []


def test_new_session_has_no_connect_equivalent(sql_context):
    with pytest.raises(PySparkNotImplementedError, match=r"\[SPK502\]"):
        sql_context.newSession()


def test_hive_context_needs_a_hive_catalog_on_the_server(sc, spark):
    assert spark.conf.get("spark.sql.catalogImplementation") == "in-memory"
    with pytest.raises(PySparkNotImplementedError, match="not Hive") as caught:
        HiveContext(sc)
    assert caught.value.code == "SPK503"
    assert [r["outcome"] for r in records("HiveContext.__init__")] == ["raised"]
