"""Pipeline 892."""
import logging
from datetime import date

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

log = logging.getLogger(__name__)


def clean_892_0(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 97)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def schema_892_1() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_26", StringType(), True),
    ])


def join_892_2(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_15").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "892_2")
    return joined.fillna({"segment": "unknown"})


def join_892_3(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_37").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "892_3")
    return joined.fillna({"segment": "unknown"})


def join_892_4(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_97").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "892_4")
    return joined.fillna({"segment": "unknown"})


class Pipeline892_5:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_74")
        return df.count()


class Pipeline892_6:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_31")
        return df.count()


def clean_892_7(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 12)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 6)
    return out.select("id", "day", "bucket", "amount")


def clean_892_8(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 17)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 8)
    return out.select("id", "day", "bucket", "amount")
