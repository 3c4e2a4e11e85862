# Fixture for SPK301 (DataFrame.rdd, generic).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

rows = df.rdd  # error: [SPK301]
table_rows = spark.table("sales.orders").rdd  # error: [SPK301]
pairs = df.rdd.map(lambda r: r[0])  # error: [SPK301]
context = df.rdd.context  # error: [SPK301]


def to_rdd(frame: DataFrame):
    return frame.rdd  # error: [SPK301]


def helper(orders_df):
    return orders_df.rdd  # error: [SPK301]


class Job:
    def __init__(self, session: SparkSession):
        self.spark = session
        self.df = session.table("sales.orders")

    def rows(self):
        return self.df.rdd  # error: [SPK301]


# A more specific rule reports these instead.
count = df.rdd.count()  # ok
mapped = df.rdd.map(lambda r: (r.id, r.amount * 2))  # ok

# Look-alikes.
import pandas as pd

pdf = pd.DataFrame({"a": [1]})


class Holder:
    def __init__(self):
        self.rdd = []

    def size(self):
        return len(self.rdd)  # ok: a local class's attribute


holder = Holder()
holder.rdd.append(1)  # ok: an instance of a local class
