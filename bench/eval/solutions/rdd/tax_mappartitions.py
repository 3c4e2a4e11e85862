def add_sales_tax(batches):
    rates = {"CA": 0.0725, "NY": 0.04, "TX": 0.0625, "OR": 0.0}
    for pdf in batches:
        rate = pdf.state.map(lambda s: rates.get(s, 0.05))
        totals = [round(s * (1 + r), 2) for s, r in zip(pdf.subtotal, rate)]
        yield pdf[["order_id"]].assign(total=totals)


def run(spark):
    orders = spark.createDataFrame(
        [(1, "CA", 100.0), (2, "NY", 59.5), (3, "OR", 12.0), (4, "TX", 80.0), (5, "WA", 20.0)],
        ["order_id", "state", "subtotal"],
    )
    taxed = orders.mapInPandas(add_sales_tax, "order_id long, total double")
    return sorted(tuple(r) for r in taxed.collect())
