# Databricks notebook source
print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_44")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(75)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_78 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_25")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(54)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(43)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(6)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_18 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_56 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(14)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_69 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_68")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_95")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())
