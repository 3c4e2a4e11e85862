# Databricks notebook source
orders = spark.table("sales.orders_83")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_88 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(34)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 6")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_67")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(11)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(64)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 6")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_88")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(99)).map(lambda i: (i,)).toDF(["id"])
