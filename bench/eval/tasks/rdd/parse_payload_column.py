def run(spark):
    raw = spark.createDataFrame(
        [
            (1, '{"sku": "A1", "qty": 2, "price": 9.5}'),
            (2, '{"sku": "B7", "qty": 1, "price": 120.0}'),
            (3, '{"sku": "A1", "qty": 5, "price": 9.5}'),
        ],
        ["msg_id", "payload"],
    )
    parsed = spark.read.json(raw.rdd.map(lambda r: r.payload))
    totals = parsed.groupBy("sku").sum("qty").orderBy("sku")
    return [tuple(r) for r in totals.collect()]
