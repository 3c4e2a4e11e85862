from pyspark.sql import functions as F


def run(spark):
    monday = [("sku-1", 40), ("sku-2", 15), ("sku-3", 8)]
    tuesday = [("sku-1", 31), ("sku-2", 15), ("sku-3", 2)]

    spark.createDataFrame(monday, "sku string, qty int").createOrReplaceTempView("inventory_monday")
    baseline = spark.table("inventory_monday").alias("base")

    spark.createDataFrame(tuesday, "sku string, qty int").createOrReplaceTempView("inventory_tuesday")
    current = spark.table("inventory_tuesday").alias("cur")

    moved = current.join(baseline, F.col("cur.sku") == F.col("base.sku")).select(
        F.col("cur.sku").alias("sku"), (F.col("base.qty") - F.col("cur.qty")).alias("sold")
    )
    return sorted(tuple(r) for r in moved.collect())
