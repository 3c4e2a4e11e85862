# Fixture for SPK118 (SparkContext.union).
from functools import reduce

from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
first = sc.parallelize([1, 2])
second = sc.parallelize([3, 4])
both = sc.union([first, second])  # error: [SPK118]
everything = spark.sparkContext.union([first, second])  # error: [SPK118]


def combine(context: SparkContext, rdds):
    return context.union(rdds)  # error: [SPK118]


a = spark.range(3)
b = spark.range(3, 6)
frames = a.union(b)  # ok: DataFrame.union
merged = reduce(lambda x, y: x.unionByName(y), [a, b])  # ok
letters = {"a"}.union({"b"})  # ok: a set

# Over DataFrames (or their .rdd): a chain of union (by position, as sc.union).
c = spark.range(6, 9)
total = sc.union([a, b.rdd, c]).count()  # error: [SPK118]
kept = sc.union([a.rdd, b.rdd])  # error: [SPK118]
rows = kept.collect()
stacked = sc.union([a.rdd, b.rdd]).toDF()  # error: [SPK118]
# Declined: the result is used as an RDD.
pairs = sc.union([a.rdd, b.rdd]).map(lambda r: (r.id, 1))  # error: [SPK118]
