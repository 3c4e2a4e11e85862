# Databricks notebook source
# MAGIC %md
# MAGIC Session settings for the sales notebooks.

# COMMAND ----------

spark.conf.set("spark.sql.shuffle.partitions", "64")
spark.conf.set("spark.databricks.delta.optimizeWrite.enabled", "true")

# COMMAND ----------

orders = spark.table("main.sales.orders")
display(orders.limit(10))
