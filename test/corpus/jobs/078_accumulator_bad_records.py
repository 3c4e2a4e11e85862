# corpus: style=job-module
# corpus: expect=remains reason="SPK109 accumulator counted in foreach needs an aggregation or df.observe"
"""Parses raw sensor readings and counts the bad ones with an accumulator."""
import logging

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

log = logging.getLogger("sensors")

RAW = [("s1", "21.5"), ("s2", "n/a"), ("s3", "19.0"), ("s4", ""), ("s5", "22.25"), ("s6", "err")]


class SensorJob:
    def __init__(self, spark):
        self.spark = spark
        self.bad_records = spark.sparkContext.accumulator(0)

    def run(self):
        raw = self.spark.createDataFrame(RAW, ["sensor", "reading"])
        bad = self.bad_records

        def count_bad(row):
            try:
                float(row.reading)
            except ValueError:
                bad.add(1)

        raw.foreach(count_bad)
        parsed = raw.withColumn("celsius", F.col("reading").try_cast("double")).dropna(subset=["celsius"])
        print("bad records:", self.bad_records.value)
        parsed.orderBy("sensor").show()


if __name__ == "__main__":
    SensorJob(SparkSession.builder.appName("sensor-parse").getOrCreate()).run()
