"""Pipeline 457."""
import logging
from datetime import date

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

log = logging.getLogger(__name__)


class Pipeline457_0:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_77")
        return df.count()


def aggregate_457_1(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 30).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def aggregate_457_2(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 65).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def join_457_3(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_96").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "457_3")
    return joined.fillna({"segment": "unknown"})


def clean_457_4(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 50)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def clean_457_5(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 88)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 4)
    return out.select("id", "day", "bucket", "amount")


def clean_457_6(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 69)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


def join_457_7(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_45").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "457_7")
    return joined.fillna({"segment": "unknown"})


def clean_457_8(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 40)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")
