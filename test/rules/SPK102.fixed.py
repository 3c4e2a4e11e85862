# Fixture for SPK102 (SparkContext.range).
from pyspark import SparkContext
from pyspark.sql import Row, SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
ids = spark.range(0, 100)  # error: [SPK102]
rows = spark.createDataFrame(spark.sparkContext.range(1, 11).map(lambda i: Row(x=i)))  # error: [SPK102]
big = spark.range(0, 10**6, 1, 32)  # error: [SPK102]


def numbers(context: SparkContext, n):
    return spark.range(n)  # error: [SPK102]


class Job:
    def __init__(self, spark_context):
        self.sc = spark_context

    def ids(self):
        return spark.range(10)  # error: [SPK102]


frame = spark.range(0, 100)  # ok: the session's range is fine
py = list(range(10))  # ok


class Calendar:
    def range(self, start, end):
        return [start, end]


days = Calendar().range(1, 7)  # ok: a local class
