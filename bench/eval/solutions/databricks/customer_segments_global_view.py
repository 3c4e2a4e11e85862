# Databricks notebook source
from pyspark.sql import functions as F

# COMMAND ----------

def publish_segments(spark, customers):
    segments = customers.withColumn(
        "segment",
        F.when(F.col("lifetime_value") >= 1000, "vip").when(F.col("lifetime_value") >= 200, "regular").otherwise("new"),
    )
    segments.createOrReplaceTempView("customer_segments")


# COMMAND ----------

def run(spark):
    customers = spark.createDataFrame(
        [("c-1", 1500.0), ("c-2", 320.0), ("c-3", 45.0), ("c-4", 980.0), ("c-5", 2200.0)],
        ["customer_id", "lifetime_value"],
    )
    publish_segments(spark, customers)
    seg = spark.table("customer_segments")
    counts = seg.groupBy("segment").count().collect()
    return sorted((r.segment, r["count"]) for r in counts)
