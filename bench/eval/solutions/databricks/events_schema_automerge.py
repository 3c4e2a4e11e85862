# Databricks notebook source
import os
import tempfile

# COMMAND ----------

def run(spark):
    base = tempfile.mkdtemp()
    target = os.path.join(base, "events")
    spark.createDataFrame([("e1", "click")], "event_id string, kind string").write.mode("append").parquet(target)
    spark.createDataFrame([("e2", "view", "mobile")], "event_id string, kind string, device string") \
        .write.mode("append").parquet(target)
    events = spark.read.option("mergeSchema", "true").parquet(target)
    return sorted(events.columns), sorted((r.event_id, r.device) for r in events.collect())
