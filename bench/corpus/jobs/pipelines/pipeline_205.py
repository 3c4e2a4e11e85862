"""Pipeline 205."""
import logging
from datetime import date

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

log = logging.getLogger(__name__)


class Pipeline205_0:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_95")
        return df.count()


def clean_205_1(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 70)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 6)
    return out.select("id", "day", "bucket", "amount")


def join_205_2(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_64").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_2")
    return joined.fillna({"segment": "unknown"})


def schema_205_3() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_73", StringType(), True),
    ])


def join_205_4(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_86").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_4")
    return joined.fillna({"segment": "unknown"})


def join_205_5(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_49").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_5")
    return joined.fillna({"segment": "unknown"})


class Pipeline205_6:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_35")
        return df.count()


def schema_205_7() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_54", StringType(), True),
    ])


def aggregate_205_8(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 33).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def aggregate_205_9(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 86).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_205_10(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 79)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


def join_205_11(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_60").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_11")
    return joined.fillna({"segment": "unknown"})


class Pipeline205_12:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_2")
        return df.count()


def schema_205_13() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_8", StringType(), True),
    ])


def join_205_14(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_91").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_14")
    return joined.fillna({"segment": "unknown"})


def clean_205_15(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 36)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def join_205_16(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_9").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_16")
    return joined.fillna({"segment": "unknown"})


def clean_205_17(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 77)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 6)
    return out.select("id", "day", "bucket", "amount")


def schema_205_18() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_38", StringType(), True),
    ])


def clean_205_19(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 58)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def aggregate_205_20(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 67).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def join_205_21(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_10").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_21")
    return joined.fillna({"segment": "unknown"})


def schema_205_22() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_55", StringType(), True),
    ])


def join_205_23(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_11").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_23")
    return joined.fillna({"segment": "unknown"})


def aggregate_205_24(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 84).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_205_25(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 9)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def schema_205_26() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_96", StringType(), True),
    ])


def schema_205_27() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_98", StringType(), True),
    ])


def aggregate_205_28(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 77).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def join_205_29(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_58").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_29")
    return joined.fillna({"segment": "unknown"})


class Pipeline205_30:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_3")
        return df.count()


class Pipeline205_31:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_70")
        return df.count()


def clean_205_32(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 16)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def aggregate_205_33(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 88).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_205_34(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 10)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def aggregate_205_35(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 71).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_205_36(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 15)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def join_205_37(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_79").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_37")
    return joined.fillna({"segment": "unknown"})


class Pipeline205_38:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_36")
        return df.count()


def join_205_39(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_7").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "205_39")
    return joined.fillna({"segment": "unknown"})
