# Databricks notebook source
import os
import tempfile

# COMMAND ----------

READINGS = "sensor_id,temp_c\ns-1,21.5\ns-2,48.0\ns-3,19.0\ns-2,51.5\ns-4,45.1\n"

# COMMAND ----------

def run(spark):
    inbox = tempfile.mkdtemp()
    with open(os.path.join(inbox, "batch-001.csv"), "w") as handle:
        handle.write(READINGS)
    readings = spark.readStream.option("header", True).schema("sensor_id string, temp_c double").csv(inbox)
    alerts = readings.filter("temp_c > 45")
    query = (alerts.writeStream.format("memory").queryName("overheat_alerts")
             .trigger(availableNow=True).start())
    query.awaitTermination()
    return sorted(tuple(r) for r in spark.sql("SELECT sensor_id, temp_c FROM overheat_alerts").collect())
