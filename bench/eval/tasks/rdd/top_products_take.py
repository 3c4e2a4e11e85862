def run(spark):
    products = spark.createDataFrame(
        [
            ("P-1", "Desk lamp", 34.9, 120),
            ("P-2", "Office chair", 149.0, 45),
            ("P-3", "Notebook", 2.5, 980),
            ("P-4", "Monitor arm", 79.0, 60),
            ("P-5", "Pen set", 6.75, 430),
        ],
        ["sku", "name", "price", "sold"],
    )
    best = products.orderBy(products.sold.desc()).rdd.take(3)
    return [(r.sku, r.sold) for r in best]
