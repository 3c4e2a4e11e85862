# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC ## Quick look at the events feed
# MAGIC Reads the sample events and prints a few facts.

# COMMAND ----------

import os
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext

# COMMAND ----------

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "events.json")
events = spark.read.json(path).select("user", "event", "ts", "device").orderBy("ts")

# COMMAND ----------

if events.rdd.isEmpty():
    print("no events")
else:
    print("events:", events.rdd.count())
    print("first:", events.rdd.first())
    print("first three:", events.rdd.take(3))

# COMMAND ----------

purchases = events.filter("event = 'purchase'")
for row in purchases.rdd.collect():
    print(row.user, row.device)

# COMMAND ----------

nothing = events.filter("event = 'refund'")
print("refunds present:", not nothing.rdd.isEmpty())
