from pyspark.sql import functions as F

EXPECTED = ["order_id", "customer_id", "coupon", "gift_wrap", "channel"]


def run(spark):
    orders = spark.createDataFrame([("o1", "c9"), ("o2", "c3")], ["order_id", "customer_id"])
    for name in EXPECTED:
        if name not in orders.columns:
            orders = orders.withColumn(name, F.lit(None).cast("string"))
    return orders.columns, orders.count()
