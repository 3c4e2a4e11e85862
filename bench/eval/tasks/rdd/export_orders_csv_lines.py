import os
import tempfile


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "orders_export")
    orders = spark.createDataFrame(
        [(5001, "alice", 42.0), (5002, "bob", 13.5), (5003, "carol", 7.0)],
        ["order_id", "customer", "total"],
    )
    orders.rdd.map(lambda r: ",".join(str(v) for v in r)).saveAsTextFile(out)
    return sorted(r.value for r in spark.read.text(out).collect())
