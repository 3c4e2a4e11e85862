# Fixture for SPK302 (df.rdd.isEmpty()).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

if df.isEmpty():  # error: [SPK302]
    print("no rows")

empty = spark.table("sales.orders").filter("amount < 0").isEmpty()  # error: [SPK302]


def has_rows(frame: DataFrame) -> bool:
    return not frame.isEmpty()  # error: [SPK302]


def check(new_df):
    return new_df.isEmpty()  # error: [SPK302]


# Clean.
if df.isEmpty():  # ok
    print("no rows")

rdd = spark.sparkContext.parallelize([1])
rdd.isEmpty()  # ok: an RDD from the SparkContext is SPK101's


class Queue:
    def __init__(self):
        self.rdd = []

    def empty(self):
        return self.rdd.isEmpty()  # ok: a local class
