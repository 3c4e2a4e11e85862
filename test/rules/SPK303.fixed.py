# Fixture for SPK303 (df.rdd.collect/take/first/count/toLocalIterator).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

rows = df.collect()  # error: [SPK303]
sample = df.take(5)  # error: [SPK303]
head = spark.table("sales.orders").first()  # error: [SPK303]
n = df.count()  # error: [SPK303]
for row in df.toLocalIterator():  # error: [SPK303]
    print(row)


def size(frame: DataFrame):
    return frame.count()  # error: [SPK303]


class Report:
    def __init__(self, session: SparkSession):
        self.df = session.table("sales.orders")

    def rows(self):
        return self.df.collect()  # error: [SPK303]


# Clean.
rows = df.collect()  # ok
n = df.count()  # ok


class Store:
    def __init__(self):
        self.rdd = [1, 2]

    def first(self):
        return self.rdd.first()  # ok: a local class
