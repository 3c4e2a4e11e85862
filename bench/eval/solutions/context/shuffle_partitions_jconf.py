from pyspark.sql import functions as F


def run(spark):
    partitions = int(spark.conf.get("spark.sql.shuffle.partitions"))
    sales = spark.createDataFrame(
        [("north", 120), ("south", 80), ("north", 45), ("east", 300), ("south", 20)],
        ["region", "units"],
    )
    totals = sales.repartition(partitions, "region").groupBy("region").agg(F.sum("units").alias("units"))
    return partitions, sorted(tuple(r) for r in totals.collect())
