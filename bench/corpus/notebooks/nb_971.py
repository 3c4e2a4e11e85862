# Databricks notebook source
print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(79)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_32 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_49 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_35")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_13")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_81")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_96 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(31)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(60)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_55 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(41)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(6)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(21)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_81 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(74)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(56)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")
