# Databricks notebook source
recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_52 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_54")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(81)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_31 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(72)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_73 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_34 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())
