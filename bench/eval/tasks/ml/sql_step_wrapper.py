from pyspark.ml import Pipeline
from pyspark.ml.wrapper import JavaTransformer


class SqlStep(JavaTransformer):
    def __init__(self, statement):
        super().__init__()
        self._java_obj = self._new_java_obj("org.apache.spark.ml.feature.SQLTransformer", self.uid)
        self._java_obj.setStatement(statement)


def run(spark):
    orders = spark.createDataFrame([(1, 20.0, 2), (2, 5.5, 10), (3, 99.0, 1)], ["id", "price", "qty"])
    pipeline = Pipeline(stages=[
        SqlStep("SELECT *, price * qty AS revenue FROM __THIS__"),
        SqlStep("SELECT id, revenue FROM __THIS__ WHERE revenue > 50"),
    ])
    model = pipeline.fit(orders)
    return sorted(tuple(r) for r in model.transform(orders).collect())
