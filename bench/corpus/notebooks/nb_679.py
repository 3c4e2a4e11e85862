# Databricks notebook source
recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(44)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(58)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_10")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_96")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_5")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_98")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(77)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 6")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(47)).map(lambda i: (i,)).toDF(["id"])
