from pyspark.sql.functions import struct


def run(spark):
    lines = spark.createDataFrame(
        [("o1", "pen", 3, 1.5), ("o1", "pad", 1, 4.0), ("o2", "ink", 2, 7.25)],
        ["order_id", "item", "qty", "price"],
    )
    pdf = lines.select("order_id", struct("item", "qty", "price").alias("line")).toPandas()
    out = {}
    for order_id, line in zip(pdf["order_id"], pdf["line"]):
        out.setdefault(order_id, []).append(line.asDict())
    return out
