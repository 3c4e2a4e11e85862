def run(spark):
    stock = spark.createDataFrame(
        [("berlin", "A", 3), ("paris", "B", 1), ("berlin", "C", 9), ("madrid", "A", 4),
         ("rome", "B", 2), ("paris", "C", 7), ("oslo", "A", 5), ("madrid", "C", 8)],
        ["store", "sku", "qty"],
    )
    parts = stock.repartition(3, "store").rdd.glom().collect()
    groups = [sorted({r.store for r in part}) for part in parts if part]
    return sorted(groups)
