import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "orders_export")
    orders = spark.createDataFrame(
        [(5001, "alice", 42.0), (5002, "bob", 13.5), (5003, "carol", 7.0)],
        ["order_id", "customer", "total"],
    )
    orders.select(F.concat_ws(",", *[F.col(c).cast("string") for c in orders.columns]).alias("value")).write.text(out)
    return sorted(r.value for r in spark.read.text(out).collect())
