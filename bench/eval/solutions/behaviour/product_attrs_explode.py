def run(spark):
    rows = [
        ("sku-1", {"size": "M", "material": "cotton", "color": "red"}),
        ("sku-2", {"size": "XL", "material": "steel", "color": "black"}),
    ]
    entries = [(sku, sorted(attrs.items())) for sku, attrs in rows]
    products = spark.createDataFrame(entries, "sku string, attrs array<struct<key:string,value:string>>")
    exploded = products.selectExpr("sku", "inline(attrs) AS (attr, value)").orderBy("sku", "attr")
    return [(r.sku, r.attr, r.value) for r in exploded.collect()]
