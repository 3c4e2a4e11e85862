# corpus: style=tutorial
# corpus: expect=migrates
# Spark 2 code that kept its HiveContext from the 1.6 days.
from pyspark.sql import HiveContext, SparkSession

spark = SparkSession.builder.appName("hive-context-demo").getOrCreate()
sc = spark.sparkContext
hive = HiveContext(sc)

orders = hive.createDataFrame(
    [(1, "books", 12.0), (2, "games", 59.5), (3, "books", 7.25), (4, "music", 9.99)],
    ["order_id", "category", "amount"])
hive.registerDataFrameAsTable(orders, "orders")

hive.sql("SELECT category, count(*) AS n, sum(amount) AS total FROM orders GROUP BY category ORDER BY category").show()
print(hive.table("orders").filter("amount > 10").count())
hive.cacheTable("orders")
print("after caching:", hive.table("orders").count())
hive.uncacheTable("orders")
