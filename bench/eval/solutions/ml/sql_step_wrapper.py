from pyspark.ml import Pipeline
from pyspark.ml.feature import SQLTransformer


def SqlStep(statement):
    return SQLTransformer(statement=statement)


def run(spark):
    orders = spark.createDataFrame([(1, 20.0, 2), (2, 5.5, 10), (3, 99.0, 1)], ["id", "price", "qty"])
    pipeline = Pipeline(stages=[
        SqlStep("SELECT *, price * qty AS revenue FROM __THIS__"),
        SqlStep("SELECT id, revenue FROM __THIS__ WHERE revenue > 50"),
    ])
    model = pipeline.fit(orders)
    return sorted(tuple(r) for r in model.transform(orders).collect())
