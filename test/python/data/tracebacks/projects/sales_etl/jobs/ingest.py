"""Loads the customer master data."""
import logging

from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)


def load_customers(spark: SparkSession, path: str) -> DataFrame:
    sc = spark.sparkContext
    sc.setJobDescription("load customers")
    return spark.read.option("header", True).csv(path)


def estimated_size(df: DataFrame) -> int:
    plan = df._jdf.queryExecution().optimizedPlan()
    return int(plan.stats().sizeInBytes().toString())


def run(spark: SparkSession, path: str) -> None:
    customers = spark.read.option("header", True).csv(path)
    log.info("customers: %d bytes", estimated_size(customers))
