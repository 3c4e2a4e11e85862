"""SQLContext and HiveContext facades: every SQLContext method maps to the Connect session,
each call is recorded, and HiveContext is only routed when the server catalog is Hive.
"""

from __future__ import annotations

import pytest
from pyspark.errors import PySparkAttributeError, PySparkNotImplementedError
from pyspark.sql import HiveContext, Row, SQLContext
from pyspark.sql.types import IntegerType

from sparkmigrate_runtime.errors import SparkMigrateError
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


# --- df.sql_ctx (SPK407) ------------------------------------------------------------------------

def test_dataframe_sql_ctx_is_the_sessions_sql_context(sc, spark):
    orders = spark.createDataFrame([(1, "tea"), (2, "cake")], ["id", "item"])
    with pytest.warns(UserWarning, match="DataFrame.sql_ctx is an internal property"):
        context = orders.sql_ctx
    assert isinstance(context, SQLContext) and context.sparkSession is spark
    with pytest.warns(FutureWarning):  # classic: one SQLContext, whoever asks for it
        assert SQLContext.getOrCreate(sc) is context
    with pytest.warns(UserWarning):
        assert spark.range(1).sql_ctx is context
    context.registerDataFrameAsTable(orders, "sqlctx_orders")
    assert context.sql("SELECT item FROM sqlctx_orders WHERE id = 2").collect() == [
        Row(item="cake")]
    assert context.table("sqlctx_orders").count() == 2
    assert context.createDataFrame([(3, "jam")], ["id", "item"]).union(orders).count() == 3
    context.dropTempTable("sqlctx_orders")
    assert {(r["api"], r["code"], r["outcome"]) for r in records() if r["api"].startswith(
        "DataFrame.")} == {("DataFrame.sql_ctx", "SPK407", "shimmed")}
    assert {r["code"] for r in records() if r["api"].startswith("SQLContext.")
            and r["api"] != "SQLContext.getOrCreate"} == {"SPK502"}


def test_dataframe_sql_ctx_follows_the_dataframes_own_session(install, spark,
                                                              spark_connect_server):
    from pyspark.sql import SparkSession

    import sparkmigrate_runtime

    install("shim")
    other = SparkSession.builder.remote(spark_connect_server.url).create()
    try:
        sparkmigrate_runtime.install(other, mode="shim")
        frame = other.createDataFrame([(1,)], ["n"])
        with pytest.warns(UserWarning):
            context = frame.sql_ctx
        assert context.sparkSession is other
        context.registerDataFrameAsTable(frame, "sqlctx_elsewhere")
        assert "sqlctx_elsewhere" in context.tableNames()
        assert "sqlctx_elsewhere" not in [t.name for t in spark.catalog.listTables()]
        assert frame._sc is other.sparkContext and frame._sc is not spark.sparkContext
    finally:
        other.stop()


def test_dataframe_private_context_and_sql_context_name(install, spark):
    install("shim")
    frame = spark.range(2)
    assert frame._sc is spark.sparkContext
    assert spark._sc is spark.sparkContext
    with pytest.raises(PySparkAttributeError) as caught:
        frame.sqlContext
    assert caught.value.code == "SPK407"
    assert caught.value.getCondition() == "ATTRIBUTE_NOT_SUPPORTED"
    assert "Suggested rewrite: df.sparkSession" in str(caught.value)
    assert not hasattr(frame, "sqlContext")
    named = spark.createDataFrame([(1,)], ["sqlContext"])  # a column of that name wins
    assert named.select(named.sqlContext).collect() == [Row(sqlContext=1)]
    found = {(r["api"], r["code"], r["outcome"]) for r in records()}
    assert found == {("DataFrame._sc", "SPK407", "shimmed"),
                     ("SparkSession._sc", "SPK003", "shimmed"),
                     ("SparkSession.sparkContext", "SPK001", "shimmed"),
                     ("DataFrame.sqlContext", "SPK407", "raised")}


def test_dataframe_sql_ctx_in_record_and_strict_modes_and_unshimmed(install, spark):
    import sparkmigrate_runtime

    install("record")
    frame = spark.range(1)
    with pytest.raises(PySparkAttributeError) as recorded:
        frame.sql_ctx
    assert not isinstance(recorded.value, SparkMigrateError)
    assert str(recorded.value).startswith("[ATTRIBUTE_NOT_SUPPORTED] Attribute `sql_ctx`")
    install("strict")
    with pytest.raises(PySparkAttributeError) as strict:
        frame.sql_ctx
    assert strict.value.code == "SPK407" and "df.sparkSession" in str(strict.value)
    assert [(r["api"], r["code"], r["outcome"]) for r in records()] == [
        ("DataFrame.sql_ctx", "SPK407", "raised")] * 2
    sparkmigrate_runtime.uninstall()
    with pytest.raises(PySparkAttributeError) as plain:
        frame.sql_ctx
    assert not isinstance(plain.value, SparkMigrateError)
