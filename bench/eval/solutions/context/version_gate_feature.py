from pyspark.sql import functions as F


def supports_try_functions(spark):
    major, minor = (int(x) for x in spark.version.split(".")[:2])
    return (major, minor) >= (3, 5)


def run(spark):
    prices = spark.createDataFrame([("a", "12.50"), ("b", "n/a"), ("c", "7")], ["sku", "raw"])
    if supports_try_functions(spark):
        parsed = prices.select("sku", F.expr("try_cast(raw AS DOUBLE)").alias("price"))
    else:
        parsed = prices.select("sku", F.col("raw").cast("double").alias("price"))
    return sorted(tuple(r) for r in parsed.collect())
