# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC # One people table from the current file and the legacy extract
# MAGIC The legacy system used other column names; the positions match.

# COMMAND ----------

import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext

# COMMAND ----------

here = os.path.dirname(os.path.abspath(__file__))
current = spark.read.csv(os.path.join(here, "..", "data", "people.csv"), header=True, inferSchema=True)
legacy = spark.createDataFrame(
    [(101, "Ivan", 47, "Oslo"), (102, "Judy", 33, "Paris")],
    ["person_id", "full_name", "years", "town"])

# COMMAND ----------

everyone = sc.union([current.rdd, legacy.rdd]).toDF()
everyone.orderBy("id").show()
print(everyone.groupBy("city").count().orderBy("city").collect())
