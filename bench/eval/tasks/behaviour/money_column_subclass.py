from pyspark.sql import functions as F
from pyspark.sql.classic.column import Column


class Money(Column):
    def __init__(self, col):
        super().__init__(col._jc)

    def to_cents(self):
        return (self * 100).cast("long")


def run(spark):
    payments = spark.createDataFrame([("p1", 12.34), ("p2", 0.5), ("p3", 99.99)], ["payment_id", "amount"])
    cents = Money(F.col("amount")).to_cents().alias("cents")
    return sorted(tuple(r) for r in payments.select("payment_id", cents).collect())
