from pyspark.sql import functions as F


def run(spark):
    stock = spark.createDataFrame(
        [("berlin", "A", 3), ("paris", "B", 1), ("berlin", "C", 9), ("madrid", "A", 4),
         ("rome", "B", 2), ("paris", "C", 7), ("oslo", "A", 5), ("madrid", "C", 8)],
        ["store", "sku", "qty"],
    )
    parts = (
        stock.repartition(3, "store")
        .groupBy(F.spark_partition_id().alias("pid"))
        .agg(F.collect_set("store").alias("stores"))
        .collect()
    )
    groups = [sorted(r.stores) for r in parts]
    return sorted(groups)
