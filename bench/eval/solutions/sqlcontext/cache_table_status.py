def run(spark):
    rates = spark.createDataFrame(
        [("EUR", 1.0), ("USD", 1.08), ("GBP", 0.86), ("JPY", 161.2)], ["currency", "per_eur"]
    )
    rates.createOrReplaceTempView("fx_rates")
    spark.catalog.cacheTable("fx_rates")
    cached = spark.catalog.isCached("fx_rates")
    n = spark.table("fx_rates").count()
    spark.catalog.uncacheTable("fx_rates")
    return cached, spark.catalog.isCached("fx_rates"), n
