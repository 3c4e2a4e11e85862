"""Legacy job 670."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def schema_670_0() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_58", StringType(), True),
    ])


class Pipeline670_1:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_60")
        return df.count()


class Log4j670_2:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.670_2")

    def warn(self, message):
        self.logger.warn(message)


def word_count_670_3(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def clean_670_4(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 95)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 6)
    return out.select("id", "day", "bucket", "amount")


class Pipeline670_5:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_66")
        return df.count()


class Log4j670_6:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.670_6")

    def warn(self, message):
        self.logger.warn(message)


def settings_670_7(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 670_7")
    return sc.getConf().get("spark.app.name")


def aggregate_670_8(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 35).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def schema_670_9() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_29", StringType(), True),
    ])


class Log4j670_10:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.670_10")

    def warn(self, message):
        self.logger.warn(message)


def people_670_11(spark):
    rdd = spark.sparkContext.parallelize([("a", 24), ("b", 4)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def legacy_sql_670_12(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '98'")
    sqlContext.registerDataFrameAsTable(df, "events_670_12")
    return df.toJSON().collect()


def join_670_13(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_25").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "670_13")
    return joined.fillna({"segment": "unknown"})


class Log4j670_14:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.670_14")

    def warn(self, message):
        self.logger.warn(message)


class Log4j670_15:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.670_15")

    def warn(self, message):
        self.logger.warn(message)


def join_670_16(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_37").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "670_16")
    return joined.fillna({"segment": "unknown"})


def clean_670_17(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 40)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 4)
    return out.select("id", "day", "bucket", "amount")


class Pipeline670_18:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_24")
        return df.count()


def word_count_670_19(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def settings_670_20(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 670_20")
    return sc.getConf().get("spark.app.name")


def join_670_21(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_16").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "670_21")
    return joined.fillna({"segment": "unknown"})


def join_670_22(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_56").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "670_22")
    return joined.fillna({"segment": "unknown"})


def settings_670_23(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 670_23")
    return sc.getConf().get("spark.app.name")
