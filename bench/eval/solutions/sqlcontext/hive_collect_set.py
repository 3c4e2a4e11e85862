def run(spark):
    spark.createDataFrame(
        [("c1", "shoes"), ("c1", "socks"), ("c2", "hat"), ("c1", "shoes"), ("c3", "socks"), ("c2", "scarf")],
        ["customer", "item"],
    ).createOrReplaceTempView("purchases")
    rows = spark.sql("SELECT customer, sort_array(collect_set(item)) AS items FROM purchases GROUP BY customer").collect()
    return sorted((r.customer, list(r.items)) for r in rows)
