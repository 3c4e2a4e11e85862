from pyspark.sql import functions as F


class OrdersJob:
    def __init__(self, spark):
        self.spark = spark
        self.sc = spark.sparkContext

    def load(self):
        rows = [
            (1001, "alice", 120.50, "shipped"),
            (1002, "bob", 75.00, "cancelled"),
            (1003, "alice", 42.25, "shipped"),
            (1004, "carol", 310.00, "shipped"),
            (1005, "bob", 18.75, "shipped"),
        ]
        return self.spark.createDataFrame(rows, ["order_id", "customer", "amount", "status"])

    def revenue_by_customer(self):
        df = self.load().filter(F.col("status") == "shipped")
        out = df.groupBy("customer").agg(F.round(F.sum("amount"), 2).alias("revenue"))
        return sorted((r.customer, r.revenue) for r in out.collect())


def run(spark):
    return OrdersJob(spark).revenue_by_customer()
