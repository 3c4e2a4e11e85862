"""Legacy job 500."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def join_500_0(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_52").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "500_0")
    return joined.fillna({"segment": "unknown"})


def states_500_1(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def settings_500_2(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 500_2")
    return sc.getConf().get("spark.app.name")


def people_500_3(spark):
    rdd = spark.sparkContext.parallelize([("a", 91), ("b", 4)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def aggregate_500_4(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 37).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def legacy_sql_500_5(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '51'")
    sqlContext.registerDataFrameAsTable(df, "events_500_5")
    return df.toJSON().collect()


def schema_500_6() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_72", StringType(), True),
    ])


def aggregate_500_7(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 22).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )
