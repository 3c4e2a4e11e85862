from pyspark.sql import functions as F


def run(spark):
    discounts = {"gold": 0.2, "silver": 0.1}
    rates = spark.createDataFrame(list(discounts.items()), ["tier", "rate"])
    orders = spark.createDataFrame(
        [("o1", "gold", 200.0), ("o2", "bronze", 50.0), ("o3", "silver", 80.0), ("o4", "gold", 19.99)],
        ["order", "tier", "amount"],
    )
    joined = orders.join(F.broadcast(rates), "tier", "left").fillna(0.0, ["rate"])
    net = joined.select("order", F.round(F.col("amount") * (1 - F.col("rate")), 2).alias("net"))
    return sorted((r.order, r.net) for r in net.collect())
