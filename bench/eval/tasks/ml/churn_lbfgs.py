from pyspark.mllib.classification import LogisticRegressionWithLBFGS
from pyspark.mllib.regression import LabeledPoint

CUSTOMERS = [
    (1.0, 2.0, 14.0), (1.0, 1.0, 20.0), (1.0, 3.0, 11.0), (1.0, 2.0, 17.0), (1.0, 1.0, 25.0),
    (0.0, 24.0, 2.0), (0.0, 36.0, 1.0), (0.0, 18.0, 3.0), (0.0, 30.0, 0.0), (0.0, 27.0, 2.0),
]


def run(spark):
    df = spark.createDataFrame(CUSTOMERS, ["churned", "tenure_months", "support_tickets"])
    points = df.rdd.map(lambda r: LabeledPoint(r.churned, [r.tenure_months, r.support_tickets]))
    model = LogisticRegressionWithLBFGS.train(points, iterations=50)
    new_customers = [[3.0, 15.0], [28.0, 1.0], [4.0, 22.0], [33.0, 0.0]]
    return [int(model.predict(c)) for c in new_customers]
