# Databricks notebook source
print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(32)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_8 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_67")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(47)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_37 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(82)).map(lambda i: (i,)).toDF(["id"])
