# sparkmigrate-test: platform=databricks
# Fixture for SPK911 (streaming triggers on serverless).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
events = spark.readStream.table("events")
q1 = events.writeStream.trigger(processingTime="1 minute").toTable("events_copy")  # error: [SPK911]
q2 = (
    events.writeStream.format("delta")
    .option("checkpointLocation", "/Volumes/main/chk/events")
    .trigger(continuous="1 second")  # error: [SPK911]
    .start()
)
q3 = events.writeStream.trigger(availableNow=True).toTable("events_copy")  # ok
q4 = events.writeStream.trigger(once=True).toTable("events_copy")  # ok: incremental batch


class Alarm:
    def trigger(self, processingTime=None):
        return processingTime


Alarm().trigger(processingTime=5)  # ok: a local class
