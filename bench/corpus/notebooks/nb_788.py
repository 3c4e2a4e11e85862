# Databricks notebook source
orders = spark.table("sales.orders_78")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_39")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_67")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_27")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(28)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_86 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_75 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_48 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_23")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_78 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(11)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(93)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_83")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_66 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_85")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_9")
display(orders.groupBy("day").count())
