from pyspark.sql import Window, functions as F


def run(spark):
    scores = spark.createDataFrame(
        [("kim", 8200), ("lee", 9100), ("max", 7600), ("noa", 9900), ("oli", 8800)],
        ["player", "score"],
    )
    ranked = scores.withColumn("rank", F.row_number().over(Window.orderBy(F.col("score").desc())))
    return [(r["rank"], r.player, r.score) for r in ranked.orderBy("rank").collect()]
