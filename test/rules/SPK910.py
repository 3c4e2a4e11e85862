# sparkmigrate-test: platform=databricks
# Fixture for SPK910 (global temp views on serverless).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
daily = spark.table("main.sales.orders").groupBy("day").count()
daily.createOrReplaceGlobalTempView("daily_orders")  # error: [SPK910]
daily.createGlobalTempView("daily_orders_v1")  # error: [SPK910]
spark.sql("SELECT * FROM global_temp.daily_orders").show()  # error: [SPK910]
shared = spark.table("global_temp.daily_orders")  # error: [SPK910]
again = spark.read.table("global_temp.daily_orders")  # error: [SPK910]
view = "daily_orders"
spark.sql(f"SELECT count(*) FROM global_temp.{view}")  # error: [SPK910]
daily.createOrReplaceTempView("daily_orders")  # ok: session temp view
spark.sql("SELECT * FROM daily_orders")  # ok
note = "global_temp.daily_orders"  # ok: a plain string
