from pyspark.sql import functions as F


def to_cents(col):
    return (col * 100).cast("long")


def run(spark):
    payments = spark.createDataFrame([("p1", 12.34), ("p2", 0.5), ("p3", 99.99)], ["payment_id", "amount"])
    cents = to_cents(F.col("amount")).alias("cents")
    return sorted(tuple(r) for r in payments.select("payment_id", cents).collect())
