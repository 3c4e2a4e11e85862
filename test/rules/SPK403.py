# Fixture for SPK403 (DataFrame.foreach / foreachPartition before 4.0).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")


def send(row):
    print(row.id)


def send_partition(rows):
    for row in rows:
        print(row.id)


df.foreach(send)  # error: [SPK403]
df.foreachPartition(send_partition)  # error: [SPK403]
spark.table("sales.orders").filter("amount > 0").foreach(lambda r: print(r))  # error: [SPK403]


def push(frame: DataFrame):
    frame.foreachPartition(send_partition)  # error: [SPK403]


def push_helper(orders_df):
    orders_df.foreachPartition(send_partition)  # error: [SPK403]


# RDD and streaming versions are other rules'.
rdd = spark.sparkContext.parallelize([1, 2])
rdd.foreach(print)  # ok: an RDD
rdd.foreachPartition(send_partition)  # ok: an RDD
query = df.writeStream.foreach(send).start()  # ok: streaming sink

# Look-alikes.
items = [1, 2]


class Batch:
    def foreach(self, fn):
        for item in items:
            fn(item)


Batch().foreach(print)  # ok: a local class


def apply_all(stream):
    stream.foreach(print)  # ok: unknown receiver with a common method name
