# Databricks notebook source
# MAGIC %md
# MAGIC # Daily report
# MAGIC Uses the notebook globals `spark`, `sc` and `sqlContext`.

# COMMAND ----------

orders = spark.table("sales.orders")
print(orders.rdd.getNumPartitions())

# COMMAND ----------

ids = sc.parallelize(range(100)).map(lambda i: (i,)).toDF(["id"])
counter = sc.accumulator(0)
orders.foreach(lambda r: counter.add(1))

# COMMAND ----------

sc._jsc.hadoopConfiguration().set("fs.s3a.endpoint", "http://minio:9000")
recent = sqlContext.sql("SELECT * FROM sales.orders WHERE day = current_date()")
recent.display()
