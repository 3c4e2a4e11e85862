# Databricks notebook source
recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(17)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(35)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_79")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(9)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_20 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_6")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_3")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_76")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())
