from pyspark.sql import functions as F


def run(spark):
    spark.addTag("nightly-orders")
    try:
        orders = spark.createDataFrame(
            [("2024-02-01", "EU", 120.0), ("2024-02-01", "US", 80.0), ("2024-02-02", "EU", 55.5)],
            ["day", "region", "revenue"],
        )
        rollup = orders.rollup("region").agg(F.round(F.sum("revenue"), 2).alias("revenue"))
        rows = sorted((r.region or "ALL", r.revenue) for r in rollup.collect())
    finally:
        spark.interruptTag("nightly-orders")
        spark.removeTag("nightly-orders")
    return rows
