"""Daily sales report: totals per region, exported as JSON lines."""
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F


def regions(sales: DataFrame) -> list:
    return [row.region for row in sales.select("region").distinct().collect()]


def summary(spark: SparkSession, day: str) -> DataFrame:
    sales = spark.table("sales").where(F.col("day") == day)
    by_region = sales.groupBy("region").agg(F.sum("amount").alias("total"))
    if by_region.rdd.isEmpty():
        raise ValueError(f"no sales on {day}")
    return by_region.orderBy("region")


def export(spark: SparkSession, day: str) -> list:
    report = summary(spark, day)
    try:
        return report.toJSON().collect()
    except Exception as error:
        raise RuntimeError(f"export of {day} failed") from error
