from pyspark.mllib.evaluation import BinaryClassificationMetrics


def run(spark):
    scored = spark.createDataFrame(
        [(0.91, 1.0), (0.83, 1.0), (0.77, 0.0), (0.65, 1.0), (0.52, 0.0),
         (0.48, 1.0), (0.33, 0.0), (0.21, 0.0), (0.15, 1.0), (0.05, 0.0)],
        ["score", "responded"],
    )
    pairs = scored.rdd.map(lambda r: (float(r.score), float(r.responded)))
    metrics = BinaryClassificationMetrics(pairs)
    return round(metrics.areaUnderROC, 4), round(metrics.areaUnderPR, 4)
