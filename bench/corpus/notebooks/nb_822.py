# Databricks notebook source
recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(94)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_5 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_89")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_41")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_19")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_77")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(96)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())
