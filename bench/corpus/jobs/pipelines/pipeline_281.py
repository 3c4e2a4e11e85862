"""Pipeline 281."""
import logging
from datetime import date

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

log = logging.getLogger(__name__)


class Pipeline281_0:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_54")
        return df.count()


def clean_281_1(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 29)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


class Pipeline281_2:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_32")
        return df.count()


def schema_281_3() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_13", StringType(), True),
    ])


def aggregate_281_4(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 54).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def schema_281_5() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_34", StringType(), True),
    ])


def schema_281_6() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_68", StringType(), True),
    ])


def schema_281_7() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_81", StringType(), True),
    ])


def join_281_8(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_66").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "281_8")
    return joined.fillna({"segment": "unknown"})


def schema_281_9() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_47", StringType(), True),
    ])


def clean_281_10(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 30)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 3)
    return out.select("id", "day", "bucket", "amount")


def join_281_11(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_43").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "281_11")
    return joined.fillna({"segment": "unknown"})


def clean_281_12(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 37)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 8)
    return out.select("id", "day", "bucket", "amount")


def clean_281_13(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 24)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def join_281_14(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_86").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "281_14")
    return joined.fillna({"segment": "unknown"})


def join_281_15(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_6").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "281_15")
    return joined.fillna({"segment": "unknown"})


class Pipeline281_16:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_16")
        return df.count()


def clean_281_17(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 78)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def clean_281_18(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 87)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 3)
    return out.select("id", "day", "bucket", "amount")


def schema_281_19() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_63", StringType(), True),
    ])


def clean_281_20(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 71)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 4)
    return out.select("id", "day", "bucket", "amount")


def schema_281_21() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_60", StringType(), True),
    ])


def aggregate_281_22(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 98).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_281_23(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 42)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 8)
    return out.select("id", "day", "bucket", "amount")


def aggregate_281_24(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 74).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def join_281_25(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_90").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "281_25")
    return joined.fillna({"segment": "unknown"})
