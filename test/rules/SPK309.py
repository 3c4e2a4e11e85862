# Fixture for SPK309 (pair-RDD aggregations).
from operator import add

from pyspark import RDD
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
df = spark.read.parquet("/data/orders")

counts = df.rdd.map(lambda r: (r.country, 1)).reduceByKey(add).collect()  # error: [SPK309]
lines = sc.textFile("/data/words.txt")
words = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
word_counts = words.reduceByKey(lambda a, b: a + b)  # error: [SPK309]
grouped = words.groupByKey().mapValues(list)  # error: [SPK309]
sums = words.aggregateByKey(0, add, add)  # error: [SPK309]
combined = words.combineByKey(lambda v: [v], lambda c, v: c + [v], lambda a, b: a + b)  # error: [SPK309]
per_key = words.countByKey()  # error: [SPK309]
ordered = word_counts.sortByKey(ascending=False)  # error: [SPK309]


def totals(pairs: RDD):
    return pairs.reduceByKey(add)  # error: [SPK309]


def totals_helper(pairs):
    # An unannotated parameter in a pyspark module.
    return pairs.foldByKey(0, add)  # error: [SPK309]


# Clean: DataFrame aggregation.
by_country = df.groupBy("country").count()  # ok

# DStreams are the streaming rules' (same method names).
from pyspark.streaming import StreamingContext

ssc = StreamingContext(sc, 10)
stream_counts = ssc.socketTextStream("localhost", 9999).map(lambda w: (w, 1)).reduceByKey(add)  # ok


class Aggregator:
    def reduceByKey(self, fn):
        return fn


Aggregator().reduceByKey(add)  # ok: a local class
