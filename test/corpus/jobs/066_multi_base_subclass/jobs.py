"""Concrete jobs."""
from base import BaseJob
from pyspark.sql import functions as F


class ReturnsJob(BaseJob):
    RETURNS = [("o1", "damaged", 2), ("o2", "late", 1), ("o3", "damaged", 1), ("o4", "wrong size", 3)]

    def execute(self):
        returns = self.sc.parallelize(self.RETURNS).toDF(["order_id", "reason", "items"])
        by_reason = returns.groupBy("reason").agg(F.sum("items").alias("items")).orderBy("reason")
        by_reason.show(truncate=False)
        print("orders with returns:", returns.rdd.count())
