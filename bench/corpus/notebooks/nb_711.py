# Databricks notebook source
recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_78 LIMIT 10

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_81 LIMIT 10

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_83 LIMIT 10

# COMMAND ----------

recent = orders.where("day >= current_date() - 8")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

print(orders.rdd.getNumPartitions())

# COMMAND ----------

orders = spark.table("sales.orders_21")
display(orders.groupBy("day").count())

# COMMAND ----------

orders = spark.table("sales.orders_40")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 9")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_75 LIMIT 10
