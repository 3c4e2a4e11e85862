# Fixture for SPK109 (SparkContext.accumulator).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
accum = spark.sparkContext.accumulator(0)  # error: [SPK109]
rdd = spark.sparkContext.parallelize([1, 2, 3, 4, 5])
rdd.foreach(lambda x: accum.add(x))
print(accum.value)
sc = SparkContext.getOrCreate()
bad_rows = sc.accumulator(0)  # error: [SPK109]


def counter(ctx: SparkContext):
    return ctx.accumulator(0.0)  # error: [SPK109]


total = spark.range(5).count()  # ok


class Meter:
    def accumulator(self, start):
        return start


Meter().accumulator(0)  # ok: a local class
