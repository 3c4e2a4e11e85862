"""Pipeline 555."""
import logging
from datetime import date

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

log = logging.getLogger(__name__)


def aggregate_555_0(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 49).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_555_1(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 56)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def aggregate_555_2(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 8).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_555_3(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 45)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


class Pipeline555_4:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_43")
        return df.count()


class Pipeline555_5:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_55")
        return df.count()


def join_555_6(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_87").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "555_6")
    return joined.fillna({"segment": "unknown"})


class Pipeline555_7:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_14")
        return df.count()


def schema_555_8() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_42", StringType(), True),
    ])


def schema_555_9() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_77", StringType(), True),
    ])


def aggregate_555_10(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 33).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def join_555_11(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_47").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "555_11")
    return joined.fillna({"segment": "unknown"})


def clean_555_12(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 78)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 2)
    return out.select("id", "day", "bucket", "amount")


def join_555_13(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_44").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "555_13")
    return joined.fillna({"segment": "unknown"})


def clean_555_14(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 94)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 3)
    return out.select("id", "day", "bucket", "amount")


def clean_555_15(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 52)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


def clean_555_16(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 66)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def join_555_17(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_44").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "555_17")
    return joined.fillna({"segment": "unknown"})


def clean_555_18(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 93)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


class Pipeline555_19:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_95")
        return df.count()


def join_555_20(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_98").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "555_20")
    return joined.fillna({"segment": "unknown"})


def aggregate_555_21(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 42).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def join_555_22(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_2").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "555_22")
    return joined.fillna({"segment": "unknown"})
