# Fixture for SPK304 (column to list through the RDD).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/people")

names = [value for x in df.select("name").collect() for value in x]  # error: [SPK304]
ids = [r[0] for r in df.collect()]  # error: [SPK304]
ages = [row.age for row in df.collect()]  # error: [SPK304]
cities = [row["city"] for row in df.collect()]  # error: [SPK304]
states = [x[3] for x in df.collect()]  # error: [SPK304]


def column_values(frame: DataFrame, column: str):
    return [value for x in frame.select(column).collect() for value in x]  # error: [SPK304]


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
