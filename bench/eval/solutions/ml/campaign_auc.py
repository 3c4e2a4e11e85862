from pyspark.ml.evaluation import BinaryClassificationEvaluator


def run(spark):
    scored = spark.createDataFrame(
        [(0.91, 1.0), (0.83, 1.0), (0.77, 0.0), (0.65, 1.0), (0.52, 0.0),
         (0.48, 1.0), (0.33, 0.0), (0.21, 0.0), (0.15, 1.0), (0.05, 0.0)],
        ["score", "responded"],
    )
    evaluator = BinaryClassificationEvaluator(rawPredictionCol="score", labelCol="responded")
    roc = evaluator.evaluate(scored, {evaluator.metricName: "areaUnderROC"})
    pr = evaluator.evaluate(scored, {evaluator.metricName: "areaUnderPR"})
    return round(roc, 4), round(pr, 4)
