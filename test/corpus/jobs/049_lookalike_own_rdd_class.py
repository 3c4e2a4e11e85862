# corpus: style=look-alike
# corpus: expect=clean
"""A user class with its own `rdd`, `toJSON` and `isEmpty`, used next to Spark DataFrames."""
import json

from pyspark.sql import SparkSession


class RecordDataset:
    """Records Read from a Distributed store (the team's own 'RDD' wrapper)."""

    def __init__(self, records):
        self.records = list(records)
        self.rdd = self

    def isEmpty(self):
        return not self.records

    def collect(self):
        return list(self.records)

    def toJSON(self):
        return json.dumps(self.records, sort_keys=True)


spark = SparkSession.builder.appName("own-rdd-class").getOrCreate()
dataset = RecordDataset([{"k": 1, "v": "x"}, {"k": 2, "v": "y"}])
print("empty:", dataset.rdd.isEmpty())
print(dataset.toJSON())
print(dataset.rdd.collect()[0])

df = spark.createDataFrame([(r["k"], r["v"]) for r in dataset.records], ["k", "v"])
print(df.orderBy("k").collect())
