# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC Combine the three regional extracts.

# COMMAND ----------

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext

# COMMAND ----------

east = spark.createDataFrame([("e1", 10), ("e2", 20)], ["store", "visits"])
west = spark.createDataFrame([("w1", 5)], ["store", "visits"])
central = spark.createDataFrame([("c1", 7), ("c2", 1), ("c3", 12)], ["store", "visits"])

# COMMAND ----------

everything = sc.union([east.rdd, west.rdd, central.rdd])
print(sorted(everything.collect()))
