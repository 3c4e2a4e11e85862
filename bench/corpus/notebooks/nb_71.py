# Databricks notebook source
ids = sc.parallelize(range(74)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_39")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(46)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_34 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())
