# Databricks notebook source
import os
import tempfile

STORAGE_ACCOUNT = "salesdatalake"
ACCESS_KEY = "not-a-real-key=="

# COMMAND ----------

def run(spark):
    spark.conf.set(f"fs.azure.account.key.{STORAGE_ACCOUNT}.dfs.core.windows.net", ACCESS_KEY)
    landing = tempfile.mkdtemp()
    with open(os.path.join(landing, "returns.csv"), "w") as handle:
        handle.write("order_id,reason,refund\no-1,damaged,12.5\no-2,late,3.0\no-3,damaged,40.0\n")
    returns = spark.read.option("header", True).option("inferSchema", True).csv(landing)
    by_reason = returns.groupBy("reason").sum("refund").collect()
    return sorted((r.reason, r["sum(refund)"]) for r in by_reason)
