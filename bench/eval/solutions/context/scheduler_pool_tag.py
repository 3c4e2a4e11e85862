from pyspark.sql import functions as F


def current_pool():
    return "default"


def run(spark):
    pool = current_pool()
    orders = spark.createDataFrame([("o1", 3), ("o2", 8), ("o3", 1)], ["order", "items"])
    tagged = orders.withColumn("pool", F.lit(pool)).filter("items > 2")
    return sorted(tuple(r) for r in tagged.collect())
