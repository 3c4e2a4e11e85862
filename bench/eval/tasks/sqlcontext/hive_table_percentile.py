from pyspark.sql import HiveContext
from pyspark.sql import functions as F

LATENCIES = [("api", 120), ("api", 95), ("api", 310), ("web", 40), ("web", 55), ("web", 61), ("api", 101)]


def run(spark):
    ctx = HiveContext(spark.sparkContext)
    ctx.createDataFrame(LATENCIES, ["service", "ms"]).createOrReplaceTempView("latency")
    stats = ctx.table("latency").groupBy("service").agg(
        F.percentile_approx("ms", 0.5).alias("p50"), F.max("ms").alias("worst")
    )
    return sorted(tuple(r) for r in stats.collect())
