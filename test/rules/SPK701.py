# Fixture for SPK701 (pyspark.mllib).
from pyspark.mllib.regression import LabeledPoint  # error: [SPK701]
from pyspark.mllib.classification import LogisticRegressionWithLBFGS  # error: [SPK701]
from pyspark.mllib.stat import Statistics  # error: [SPK701]
from pyspark.mllib.linalg.distributed import RowMatrix  # error: [SPK701]
import pyspark.mllib.recommendation  # error: [SPK701]
import pyspark.mllib.linalg as mllib_linalg  # error: [SPK701]
from pyspark import mllib  # error: [SPK701]
from pyspark.ml.classification import LogisticRegression  # ok: DataFrame-based API
from pyspark.ml.linalg import Vectors  # ok
import mllib_helpers  # ok: an unrelated module

points = df.rdd.map(lambda r: LabeledPoint(r.label, r.features))
model = LogisticRegressionWithLBFGS.train(points)
summary = Statistics.colStats(points.map(lambda p: p.features))
text = "from pyspark.mllib.regression import LabeledPoint"  # ok: a string
