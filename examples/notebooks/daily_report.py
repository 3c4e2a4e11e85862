# Databricks notebook source
# MAGIC %md
# MAGIC # Daily report
# MAGIC Uses the notebook globals `spark`, `sc` and `sqlContext`.

# COMMAND ----------

orders = sc.parallelize([("2024-01-31", "alice", 30), ("2024-01-31", "bob", 12), ("2024-01-30", "carol", 7)]).toDF(
    ["day", "name", "amount"]
)
sqlContext.registerDataFrameAsTable(orders, "orders")

# COMMAND ----------

recent = sqlContext.sql("SELECT name, amount FROM orders WHERE day = '2024-01-31' ORDER BY name")
if not recent.rdd.isEmpty():
    recent.display()
