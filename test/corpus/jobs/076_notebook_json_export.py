# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC Export of open tickets as JSON lines for the support tool.

# COMMAND ----------

import json

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("ticket-export").getOrCreate()

# COMMAND ----------

tickets = spark.createDataFrame(
    spark.sparkContext.parallelize([
        (101, "open", "printer jam", 2), (102, "closed", "vpn", 1),
        (103, "open", "laptop fan", 3), (104, "open", None, 1),
    ]),
    "ticket INT, state STRING, subject STRING, priority INT",
)
open_tickets = tickets.filter("state = 'open'").orderBy("ticket")

# COMMAND ----------

if open_tickets.rdd.isEmpty():
    print("nothing to export")
else:
    lines = open_tickets.toJSON().collect()
    print("exported:", len(lines))
    for line in lines:
        print(line)
    print("first subject:", json.loads(open_tickets.toJSON().first())["subject"])
