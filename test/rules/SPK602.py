# sparkmigrate-test: target-version=3.4
# Fixture for SPK602 (Structured Streaming on a Connect 3.4 target).
from pyspark.sql import SparkSession, DataFrame

spark = SparkSession.builder.remote("sc://localhost").getOrCreate()
events = spark.readStream.format("rate").load()  # error: [SPK602]
query = events.writeStream.format("console").start()  # error: [SPK602]
for active in spark.streams.active:  # error: [SPK602]
    print(active.name)


def sink(df: DataFrame):
    return df.writeStream.toTable("out")  # error: [SPK602]


class Job:
    def __init__(self, session: SparkSession):
        self.spark = session

    def source(self):
        return self.spark.readStream.table("events")  # error: [SPK602]


batch = spark.read.parquet("/data/events")  # ok: batch reads are supported on 3.4
batch.write.mode("append").saveAsTable("events_copy")  # ok


class Feed:
    def __init__(self):
        self.readStream = []


Feed().readStream  # ok: a local class
