def run(spark):
    rows = [
        ("sku-1", {"size": "M", "material": "cotton", "color": "red"}),
        ("sku-2", {"size": "XL", "material": "steel", "color": "black"}),
    ]
    products = spark.createDataFrame(rows, "sku string, attrs map<string,string>")
    exploded = products.selectExpr("sku", "explode(attrs) AS (attr, value)")
    return [(r.sku, r.attr, r.value) for r in exploded.collect()]
