from pyspark.sql import functions as F


def run(spark):
    scores = spark.createDataFrame([("p1", 0.4), ("p2", 2.5), ("p3", 1.0)], ["page", "score"])
    for _ in range(3):
        scores = scores.withColumn("score", F.round(F.col("score") * 0.85 + 0.15, 4)).localCheckpoint()
    return sorted(tuple(r) for r in scores.collect())
