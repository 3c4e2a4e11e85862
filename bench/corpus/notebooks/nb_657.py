# Databricks notebook source
orders = spark.table("sales.orders_50")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_54 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 2")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_69")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(30)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_69 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(80)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_68 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_19 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(67)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_98")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_31")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_71")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_67")
display(orders.groupBy("day").count())
