# Databricks notebook source
# MAGIC %md
# MAGIC ### Daily order summary shared with the reporting notebooks

# COMMAND ----------

from pyspark.sql import functions as F

ORDERS = [
    ("o-1", "2024-06-01", "c-1", 42.0),
    ("o-2", "2024-06-01", "c-2", 17.5),
    ("o-3", "2024-06-02", "c-1", 99.9),
    ("o-4", "2024-06-02", "c-3", 5.0),
    ("o-5", "2024-06-03", "c-2", 63.25),
]

# COMMAND ----------

def run(spark):
    orders = spark.createDataFrame(ORDERS, ["order_id", "order_date", "customer_id", "amount"])
    daily = orders.groupBy("order_date").agg(F.count("*").alias("orders"), F.round(F.sum("amount"), 2).alias("revenue"))
    daily.createOrReplaceTempView("daily_order_summary")
    report = spark.sql(
        "SELECT order_date, orders, revenue FROM daily_order_summary WHERE revenue > 50 ORDER BY order_date"
    )
    return [tuple(r) for r in report.collect()]
