# Fixture for SPK010 (spark.stop() semantics; opt-in).
import threading

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def main():
    try:
        spark.range(10).write.saveAsTable("ids")
    finally:
        spark.stop()  # info: [SPK010]


class Pipeline:
    def __init__(self, spark_session: SparkSession):
        self.spark_session = spark_session

    def close(self):
        self.spark_session.stop()  # info: [SPK010]


def teardown(spark):
    spark.stop()  # info: [SPK010]


event = threading.Event()
timer = threading.Timer(1.0, print)
timer.cancel()  # ok


class Recorder:
    def stop(self):
        return None


Recorder().stop()  # ok: a local class
