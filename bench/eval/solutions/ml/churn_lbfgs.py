from pyspark.ml.classification import LogisticRegression
from pyspark.ml.feature import VectorAssembler

CUSTOMERS = [
    (1.0, 2.0, 14.0), (1.0, 1.0, 20.0), (1.0, 3.0, 11.0), (1.0, 2.0, 17.0), (1.0, 1.0, 25.0),
    (0.0, 24.0, 2.0), (0.0, 36.0, 1.0), (0.0, 18.0, 3.0), (0.0, 30.0, 0.0), (0.0, 27.0, 2.0),
]


def run(spark):
    df = spark.createDataFrame(CUSTOMERS, ["churned", "tenure_months", "support_tickets"])
    assembler = VectorAssembler(inputCols=["tenure_months", "support_tickets"], outputCol="features")
    model = LogisticRegression(labelCol="churned", maxIter=50).fit(assembler.transform(df))
    new_customers = spark.createDataFrame(
        [(0, 3.0, 15.0), (1, 28.0, 1.0), (2, 4.0, 22.0), (3, 33.0, 0.0)], ["pos", "tenure_months", "support_tickets"]
    )
    scored = model.transform(assembler.transform(new_customers)).orderBy("pos").collect()
    return [int(r.prediction) for r in scored]
