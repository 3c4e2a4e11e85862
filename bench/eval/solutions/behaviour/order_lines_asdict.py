from pyspark.sql.functions import struct


def run(spark):
    lines = spark.createDataFrame(
        [("o1", "pen", 3, 1.5), ("o1", "pad", 1, 4.0), ("o2", "ink", 2, 7.25)],
        ["order_id", "item", "qty", "price"],
    )
    rows = lines.select("order_id", struct("item", "qty", "price").alias("line")).collect()
    out = {}
    for row in rows:
        out.setdefault(row.order_id, []).append(row.line.asDict())
    return out
