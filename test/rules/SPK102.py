# Fixture for SPK102 (SparkContext.range).
from pyspark import SparkContext
from pyspark.sql import Row, SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
ids = sc.range(0, 100)  # error: [SPK102]
rows = spark.createDataFrame(spark.sparkContext.range(1, 11).map(lambda i: Row(x=i)))  # error: [SPK102]
big = SparkContext.getOrCreate().range(0, 10**6, 1, 32).count()  # error: [SPK102]
evens = sc.range(0, 10, 2, numSlices=2)  # error: [SPK102]
print(evens.count(), evens.isEmpty())
# Not rewritten: a DataFrame of `id` rows would change what these do.
sampled = sc.range(0, 100)  # error: [SPK102]
print(sampled.sample(False, 0.1).collect(), sampled.takeSample(False, 3))


def numbers(context: SparkContext, n):
    return context.range(n)  # error: [SPK102]


class Job:
    def __init__(self, spark_context):
        self.sc = spark_context

    def ids(self):
        return self.sc.range(10)  # error: [SPK102]


frame = spark.range(0, 100)  # ok: the session's range is fine
py = list(range(10))  # ok


class Calendar:
    def range(self, start, end):
        return [start, end]


days = Calendar().range(1, 7)  # ok: a local class
