"""Shared session factory used by every job in this repository."""
from pyspark.sql import SparkSession


def get_spark(app_name="corpus-job"):
    return (
        SparkSession.builder.appName(app_name)
        .enableHiveSupport()
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
