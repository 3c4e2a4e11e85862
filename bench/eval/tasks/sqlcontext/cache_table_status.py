from pyspark.sql import SQLContext


def run(spark):
    sqlContext = SQLContext.getOrCreate(spark.sparkContext)
    rates = sqlContext.createDataFrame(
        [("EUR", 1.0), ("USD", 1.08), ("GBP", 0.86), ("JPY", 161.2)], ["currency", "per_eur"]
    )
    rates.createOrReplaceTempView("fx_rates")
    sqlContext.cacheTable("fx_rates")
    cached = spark.catalog.isCached("fx_rates")
    n = sqlContext.table("fx_rates").count()
    sqlContext.uncacheTable("fx_rates")
    return cached, spark.catalog.isCached("fx_rates"), n
