from pyspark.sql import functions as F


def run(spark):
    sc = spark.sparkContext
    clicks = spark.createDataFrame(
        [("ad-1", "mobile"), ("ad-2", "web"), ("ad-1", "web"), ("ad-3", "mobile"), ("ad-1", "mobile")],
        ["ad", "device"],
    )
    spread = clicks.repartition(sc.defaultParallelism * 3, "ad")
    per_ad = spread.groupBy("ad").agg(F.countDistinct("device").alias("devices"), F.count("*").alias("clicks"))
    return sorted(tuple(r) for r in per_ad.collect())
