# Databricks notebook source
# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_92 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_31 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 6")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(65)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_75")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_31")
display(orders.groupBy("day").count())
