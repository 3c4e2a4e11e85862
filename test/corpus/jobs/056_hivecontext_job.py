# corpus: style=job-module
# corpus: expect=remains reason="SPK120 sc.stop() has no rewrite, so SPK001 `sc = spark.sparkContext` stays too"
"""Warehouse refresh that still creates a HiveContext, as the 1.x docs taught."""
from pyspark import SparkConf, SparkContext
from pyspark.sql import HiveContext

conf = SparkConf().setAppName("warehouse-refresh")
sc = SparkContext(conf=conf)
hive = HiveContext(sc)

products = hive.createDataFrame(
    [("p1", "tools", 9.5), ("p2", "garden", 20.0), ("p3", "tools", 3.25)],
    ["product", "category", "price"],
)
products.createOrReplaceTempView("b056_products")
by_category = hive.sql(
    "SELECT category, count(*) AS n, round(avg(price), 2) AS avg_price "
    "FROM b056_products GROUP BY category ORDER BY category"
)
by_category.show(truncate=False)
print("products:", hive.table("b056_products").count())
sc.stop()
