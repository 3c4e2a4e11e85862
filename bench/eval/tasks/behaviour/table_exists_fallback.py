from pyspark.errors import AnalysisException


def load_or_default(spark, name, default_rows):
    try:
        df = spark.table(name)
    except AnalysisException:
        df = spark.createDataFrame(default_rows, "sku string, qty int")
    return df


def run(spark):
    spark.createDataFrame([("A", 5), ("B", 2)], "sku string, qty int").createOrReplaceTempView("inventory_today")
    today = load_or_default(spark, "inventory_today", [])
    yesterday = load_or_default(spark, "inventory_yesterday", [("A", 0)])
    return sorted(tuple(r) for r in today.collect()), sorted(tuple(r) for r in yesterday.collect())
