def ensure_view(spark, name, rows):
    if not spark.catalog.tableExists(name):
        spark.createDataFrame(rows, ["sku", "category"]).createOrReplaceTempView(name)
        return "created"
    return "reused"


def run(spark):
    rows = [("A1", "tools"), ("B7", "garden"), ("C3", "tools")]
    first = ensure_view(spark, "dim_products_jvm", rows)
    second = ensure_view(spark, "dim_products_jvm", rows)
    tools = spark.sql("SELECT count(*) FROM dim_products_jvm WHERE category = 'tools'").first()[0]
    spark.catalog.dropTempView("dim_products_jvm")
    return first, second, tools
