# Fixture for SPK702 (pyspark.ml estimators before Spark 4.0).
import pyspark.ml.feature as feat
from pyspark.ml import Pipeline, PipelineModel
from pyspark.ml.classification import LogisticRegression, LogisticRegressionModel
from pyspark.ml.evaluation import BinaryClassificationEvaluator
from pyspark.ml.feature import VectorAssembler, StringIndexer
from pyspark.ml.linalg import Vectors
from pyspark.ml.stat import Correlation
from pyspark.ml.tuning import CrossValidator, ParamGridBuilder
from pyspark.ml.connect.classification import LogisticRegression as ConnectLogisticRegression
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

assembler = VectorAssembler(inputCols=["age", "income"], outputCol="features")  # error: [SPK702]
indexer = StringIndexer(inputCol="country", outputCol="country_idx")  # error: [SPK702]
scaler = feat.StandardScaler(inputCol="features", outputCol="scaled")  # error: [SPK702]
lr = LogisticRegression(maxIter=10, labelCol="label")  # error: [SPK702]
pipeline = Pipeline(stages=[assembler, indexer, lr])
grid = ParamGridBuilder().addGrid(lr.regParam, [0.1, 0.01]).build()  # ok: pure-Python helper
cv = CrossValidator(  # error: [SPK702]
    estimator=pipeline,
    estimatorParamMaps=grid,
    evaluator=BinaryClassificationEvaluator(),  # error: [SPK702]
)
loaded = PipelineModel.load("/models/churn")  # error: [SPK702]
best = LogisticRegressionModel.load("/models/lr")  # error: [SPK702]
matrix = Correlation.corr(df, "features")  # error: [SPK702]

dense = Vectors.dense([1.0, 2.0])  # ok: pure Python
connect_lr = ConnectLogisticRegression(maxIter=10)  # ok: Connect-native on 3.5
sk = SkLogisticRegression()  # ok: scikit-learn


class LogisticRegressionWrapper:
    def __init__(self):
        self.name = "lr"


wrapper = LogisticRegressionWrapper()  # ok: a local class
