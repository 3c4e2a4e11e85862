# Fixture for SPK304 (column to list through the RDD).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/people")

names = df.select("name").rdd.flatMap(lambda x: x).collect()  # error: [SPK304]
ids = df.rdd.map(lambda r: r[0]).collect()  # error: [SPK304]
ages = df.rdd.map(lambda row: row.age).collect()  # error: [SPK304]
cities = df.rdd.map(lambda row: row["city"]).collect()  # error: [SPK304]
states = df.rdd.map(lambda x: x[3]).collect()  # error: [SPK304]


def column_values(frame: DataFrame, column: str):
    return frame.select(column).rdd.flatMap(lambda x: x).collect()  # error: [SPK304]


# Other lambdas are SPK306's.
pairs = df.rdd.map(lambda r: (r[0], r[1])).collect()  # ok
upper = df.rdd.map(lambda r: r.name.upper()).collect()  # ok

# Clean.
names = [row[0] for row in df.select("name").collect()]  # ok
ages = df.select("age").toPandas()["age"].tolist()  # ok


class Table:
    def __init__(self):
        self.rdd = self

    def map(self, fn):
        return self

    def collect(self):
        return []


Table().rdd.map(lambda r: r[0]).collect()  # ok: a local class
