def total_revenue(rdd):
    return rdd.map(lambda row: row.quantity * row.unit_price).sum()


def run(spark):
    items = spark.createDataFrame(
        [
            ("o1", "keyboard", 2, 25.0),
            ("o1", "mouse", 1, 12.5),
            ("o2", "monitor", 1, 180.0),
            ("o3", "cable", 4, 3.75),
        ],
        ["order_id", "product", "quantity", "unit_price"],
    )
    big = items.filter(items.unit_price > 10)
    return round(total_revenue(big.rdd), 2), round(total_revenue(items.rdd), 2)
