def run(spark):
    stock = [("warehouse-a", "bolt", 500), ("warehouse-b", "bolt", 120),
             ("warehouse-a", "nut", 900), ("warehouse-b", "washer", 60)]
    df = spark.createDataFrame(stock, ["site", "item", "qty"])
    totals = df.groupBy("item").sum("qty").withColumnRenamed("sum(qty)", "qty")
    return sorted(tuple(r) for r in totals.collect())
