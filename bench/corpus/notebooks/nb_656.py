# Databricks notebook source
recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_6 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(48)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(11)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_89")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_50")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(10)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(98)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_42 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_39")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())
