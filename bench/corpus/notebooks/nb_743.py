# Databricks notebook source
orders = spark.table("sales.orders_51")
display(orders.groupBy("day").count())

# COMMAND ----------

recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

recent = orders.where("day >= current_date() - 3")
recent.write.mode("append").saveAsTable("sales.recent")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_74 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_74")
display(orders.groupBy("day").count())

# COMMAND ----------

ids = sc.parallelize(range(92)).map(lambda i: (i,)).toDF(["id"])

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT * FROM sales.orders_26 LIMIT 10

# COMMAND ----------

orders = spark.table("sales.orders_27")
display(orders.groupBy("day").count())
