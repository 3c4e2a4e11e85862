from pyspark.ml.classification import LogisticRegression
from pyspark.ml.evaluation import BinaryClassificationEvaluator
from pyspark.ml.feature import VectorAssembler
from pyspark.ml.tuning import ParamGridBuilder, TrainValidationSplit


def run(spark):
    rows = [(1.0 if i % 3 == 0 else 0.0, float(i % 7), float((i * 5) % 4)) for i in range(20)]
    df = spark.createDataFrame(rows, ["label", "visits", "cart_adds"])
    data = VectorAssembler(inputCols=["visits", "cart_adds"], outputCol="features").transform(df)
    lr = LogisticRegression(maxIter=5)
    grid = ParamGridBuilder().addGrid(lr.regParam, [0.01, 0.5]).build()
    tvs = TrainValidationSplit(estimator=lr, estimatorParamMaps=grid,
                               evaluator=BinaryClassificationEvaluator(), trainRatio=0.7, seed=3)
    best = tvs.fit(data).bestModel
    return best._java_obj.getRegParam(), best._java_obj.getMaxIter()
