# Databricks notebook source
orders = spark.table("sales.orders_43")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_5 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(55)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_16")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_11")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_73 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(5)).map(lambda i: (i,)).toDF(["id"])
