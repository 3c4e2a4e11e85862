# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=remains reason="SPK308 zipWithIndex line numbers and SPK305 getNumPartitions need a person (row_number over a window; no partition count on Connect)"
# MAGIC %md
# MAGIC ## Exploring the event feed

# COMMAND ----------

import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")

# COMMAND ----------

events = spark.read.json(os.path.join(DATA, "b_events.jsonl")).orderBy("user", "ms")
print("partitions > 0:", events.rdd.getNumPartitions() > 0)

# COMMAND ----------

numbered = events.rdd.zipWithIndex().map(lambda pair: (pair[1], pair[0].user, pair[0].event))
for idx, user, event in numbered.collect():
    print(idx, user, event)

# COMMAND ----------

print("events:", events.count())
