def run(spark):
    discounts = {"gold": 0.2, "silver": 0.1}
    bc = spark.sparkContext.broadcast(discounts)
    orders = spark.createDataFrame(
        [("o1", "gold", 200.0), ("o2", "bronze", 50.0), ("o3", "silver", 80.0), ("o4", "gold", 19.99)],
        ["order", "tier", "amount"],
    )
    net = orders.rdd.map(lambda r: (r.order, round(r.amount * (1 - bc.value.get(r.tier, 0.0)), 2)))
    return sorted(net.collect())
