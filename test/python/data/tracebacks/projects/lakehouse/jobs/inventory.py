"""Inventory statistics."""
from pyspark.sql import SparkSession


def partitions(spark: SparkSession) -> int:
    inventory = spark.table("main.sales.inventory")
    return inventory.rdd.getNumPartitions()


def application_id(spark: SparkSession) -> str:
    return spark.sparkContext.applicationId
