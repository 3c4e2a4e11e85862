from pyspark.mllib.regression import LabeledPoint
from pyspark.mllib.tree import DecisionTree

LOANS = [
    (0.0, 85.0, 0.1), (0.0, 72.0, 0.2), (0.0, 90.0, 0.15), (0.0, 66.0, 0.3),
    (1.0, 25.0, 0.8), (1.0, 31.0, 0.7), (1.0, 22.0, 0.9), (1.0, 40.0, 0.75),
]


def run(spark):
    data = spark.sparkContext.parallelize([LabeledPoint(lbl, [income, ratio]) for lbl, income, ratio in LOANS])
    model = DecisionTree.trainClassifier(data, numClasses=2, categoricalFeaturesInfo={},
                                         impurity="gini", maxDepth=3, maxBins=16)
    applicants = [[80.0, 0.2], [28.0, 0.85], [50.0, 0.5], [35.0, 0.6]]
    return [int(p) for p in model.predict(spark.sparkContext.parallelize(applicants)).collect()]
