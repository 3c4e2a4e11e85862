from pyspark.sql import functions as F


def run(spark):
    payments = spark.createDataFrame(
        [(1, "card", 20.0), (2, "cash", 5.5), (3, "card", -3.0), (4, "wire", 1000.0)],
        ["payment_id", "method", "amount"],
    )
    negative = payments.filter(F.col("amount") < 0)
    huge = payments.filter(F.col("amount") > 5000)
    return {
        "has_negative": not negative.isEmpty(),
        "has_huge": not huge.isEmpty(),
    }
