from pyspark.sql import functions as F


def refresh_inventory(spark, sc):
    sc.addJobTag("inventory-refresh")
    try:
        stock = spark.createDataFrame([("bolt", 500, 100), ("nut", 40, 100), ("gear", 5, 10)], ["part", "qty", "reorder_at"])
        low = stock.filter(F.col("qty") < F.col("reorder_at")).select("part")
        return sorted(r.part for r in low.collect())
    finally:
        sc.removeJobTag("inventory-refresh")


def run(spark):
    sc = spark.sparkContext
    return refresh_inventory(spark, sc)
