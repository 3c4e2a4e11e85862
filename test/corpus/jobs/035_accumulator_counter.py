# corpus: style=tutorial
# corpus: expect=remains reason="SPK109 accumulator updated in foreach: count with an aggregation instead"
import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("accumulators").getOrCreate()
sc = spark.sparkContext

here = os.path.dirname(os.path.abspath(__file__))
log = spark.read.csv(os.path.join(here, "..", "data", "access.log"), sep=" ",
                     schema="ip STRING, method STRING, path STRING, status INT, bytes INT")

errors = sc.accumulator(0)
bytes_sent = sc.accumulator(0)


def tally(row):
    if row.status >= 400:
        errors.add(1)
    bytes_sent.add(row.bytes)


log.foreach(tally)
print("error responses:", errors.value)
print("bytes sent:", bytes_sent.value)
