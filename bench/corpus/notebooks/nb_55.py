# Databricks notebook source
# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_7 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_53 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_36")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(19)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(50)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_47")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(23)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_70 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_6 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_21")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(92)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(71)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_64")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_27")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_45")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_31 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(56)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_96 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_80")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())
