# Databricks notebook source
# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_80 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_69")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_19 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(36)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_23")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_52")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(17)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(18)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(26)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(67)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_37")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_64")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_16")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_51")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_22 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_79 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_70 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_66 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())
