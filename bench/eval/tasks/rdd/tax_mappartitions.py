def add_sales_tax(rows):
    rates = {"CA": 0.0725, "NY": 0.04, "TX": 0.0625, "OR": 0.0}
    for row in rows:
        rate = rates.get(row.state, 0.05)
        yield (row.order_id, round(row.subtotal * (1 + rate), 2))


def run(spark):
    orders = spark.createDataFrame(
        [(1, "CA", 100.0), (2, "NY", 59.5), (3, "OR", 12.0), (4, "TX", 80.0), (5, "WA", 20.0)],
        ["order_id", "state", "subtotal"],
    )
    taxed = orders.rdd.mapPartitions(add_sales_tax).toDF(["order_id", "total"])
    return sorted(tuple(r) for r in taxed.collect())
