# Databricks notebook source
recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_6")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_74")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_89 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(5)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(23)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_81")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(66)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_9")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(64)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(75)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())
