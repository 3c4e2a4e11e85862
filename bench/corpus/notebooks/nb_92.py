# Databricks notebook source
recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(89)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_60 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(32)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 6")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_21 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(62)).map(lambda i: (i,)).toDF(["id"])
