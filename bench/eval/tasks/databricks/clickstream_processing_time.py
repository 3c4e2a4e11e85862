# Databricks notebook source
import json
import os
import tempfile

# COMMAND ----------

def write_batch(folder, name, records):
    with open(os.path.join(folder, name), "w") as handle:
        for rec in records:
            handle.write(json.dumps(rec) + "\n")


# COMMAND ----------

def run(spark):
    inbox = tempfile.mkdtemp()
    write_batch(inbox, "part-1.json", [{"user": "u1", "page": "/home"}, {"user": "u2", "page": "/cart"}])
    write_batch(inbox, "part-2.json", [{"user": "u1", "page": "/checkout"}, {"user": "u3", "page": "/home"}])
    clicks = spark.readStream.schema("user string, page string").json(inbox)
    query = (clicks.groupBy("page").count()
             .writeStream.format("memory").queryName("page_hits")
             .outputMode("complete")
             .trigger(processingTime="2 seconds")
             .start())
    query.processAllAvailable()
    query.stop()
    return sorted((r.page, r["count"]) for r in spark.table("page_hits").collect())
