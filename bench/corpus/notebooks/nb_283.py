# Databricks notebook source
ids = sc.parallelize(range(7)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_88")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_72")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_1")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_63")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 5")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(44)).map(lambda i: (i,)).toDF(["id"])
