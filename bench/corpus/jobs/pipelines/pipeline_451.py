"""Pipeline 451."""
import logging
from datetime import date

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

log = logging.getLogger(__name__)


def join_451_0(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_73").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "451_0")
    return joined.fillna({"segment": "unknown"})


class Pipeline451_1:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_40")
        return df.count()


def schema_451_2() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_53", StringType(), True),
    ])


def schema_451_3() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_16", StringType(), True),
    ])


def clean_451_4(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 18)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 6)
    return out.select("id", "day", "bucket", "amount")


def aggregate_451_5(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 45).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_451_6(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 44)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def schema_451_7() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_4", StringType(), True),
    ])


def aggregate_451_8(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 37).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_451_9(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 2)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


class Pipeline451_10:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_73")
        return df.count()


class Pipeline451_11:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_69")
        return df.count()


def schema_451_12() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_82", StringType(), True),
    ])


def clean_451_13(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 90)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 4)
    return out.select("id", "day", "bucket", "amount")


def join_451_14(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_75").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "451_14")
    return joined.fillna({"segment": "unknown"})


def aggregate_451_15(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 53).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_451_16(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 92)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def schema_451_17() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_6", StringType(), True),
    ])


def schema_451_18() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_51", StringType(), True),
    ])


def clean_451_19(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 97)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def schema_451_20() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_61", StringType(), True),
    ])


def join_451_21(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_41").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "451_21")
    return joined.fillna({"segment": "unknown"})


class Pipeline451_22:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_12")
        return df.count()


class Pipeline451_23:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_34")
        return df.count()


def join_451_24(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_57").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "451_24")
    return joined.fillna({"segment": "unknown"})
