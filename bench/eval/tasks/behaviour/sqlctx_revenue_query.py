def run(spark):
    sales = spark.createDataFrame(
        [("north", "widget", 120.0), ("south", "widget", 80.5), ("north", "gadget", 42.0), ("east", "gadget", 17.25)],
        ["region", "product", "revenue"],
    )
    sales.createOrReplaceTempView("sales_by_region")
    result = sales.sql_ctx.sql(
        "SELECT region, ROUND(SUM(revenue), 2) AS total FROM sales_by_region GROUP BY region ORDER BY region"
    )
    return [(r.region, r.total) for r in result.collect()]
