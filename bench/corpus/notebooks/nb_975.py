# Databricks notebook source
ids = sc.parallelize(range(25)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(97)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

orders = spark.table("sales.orders_91")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_14")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(82)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_87 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_74")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_57 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_27")
display(orders.groupBy("day").count())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_26 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(24)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_54 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_51 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(77)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(69)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 4")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

orders = spark.table("sales.orders_59")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_38 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_95 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_35")
display(orders.groupBy("day").count())
