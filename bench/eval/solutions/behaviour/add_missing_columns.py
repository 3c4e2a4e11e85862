from pyspark.sql import functions as F

EXPECTED = ["order_id", "customer_id", "coupon", "gift_wrap", "channel"]


def run(spark):
    orders = spark.createDataFrame([("o1", "c9"), ("o2", "c3")], ["order_id", "customer_id"])
    existing = set(orders.columns)
    missing = [name for name in EXPECTED if name not in existing]
    orders = orders.withColumns({name: F.lit(None).cast("string") for name in missing})
    return orders.columns, orders.count()
