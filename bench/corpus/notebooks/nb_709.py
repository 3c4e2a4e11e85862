# Databricks notebook source
orders = spark.table("sales.orders_66")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(95)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

recent = orders.where("day >= current_date() - 7")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

ids = sc.parallelize(range(5)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

ids = sc.parallelize(range(59)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_27 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_97")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_34 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_85")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_47")
display(orders.groupBy("day").count())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_29 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_21 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_90 LIMIT 10

# COMMAND ----------

ids = sc.parallelize(range(5)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_17 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_4 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())
