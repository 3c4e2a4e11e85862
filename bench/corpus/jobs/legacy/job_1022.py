"""Legacy job 1022."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def first_ids_1022_0(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def first_ids_1022_1(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def first_ids_1022_2(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


class Log4j1022_3:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.1022_3")

    def warn(self, message):
        self.logger.warn(message)


def aggregate_1022_4(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 66).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


class Pipeline1022_5:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_79")
        return df.count()


def clean_1022_6(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 47)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 2)
    return out.select("id", "day", "bucket", "amount")


def first_ids_1022_7(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def join_1022_8(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_57").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "1022_8")
    return joined.fillna({"segment": "unknown"})


def states_1022_9(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def schema_1022_10() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_62", StringType(), True),
    ])


def clean_1022_11(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 83)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 3)
    return out.select("id", "day", "bucket", "amount")


class Pipeline1022_12:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_60")
        return df.count()


def join_1022_13(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_63").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "1022_13")
    return joined.fillna({"segment": "unknown"})


def schema_1022_14() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_19", StringType(), True),
    ])


def schema_1022_15() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_88", StringType(), True),
    ])


class Log4j1022_16:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.1022_16")

    def warn(self, message):
        self.logger.warn(message)


def schema_1022_17() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_87", StringType(), True),
    ])


def settings_1022_18(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 1022_18")
    return sc.getConf().get("spark.app.name")


def clean_1022_19(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 57)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def settings_1022_20(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 1022_20")
    return sc.getConf().get("spark.app.name")


def states_1022_21(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def states_1022_22(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def people_1022_23(spark):
    rdd = spark.sparkContext.parallelize([("a", 80), ("b", 3)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def schema_1022_24() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_76", StringType(), True),
    ])
