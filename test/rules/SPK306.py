# Fixture for SPK306 (RDD transformations on df.rdd).
from pyspark.sql import DataFrame, Row, SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
df = spark.read.parquet("/data/people")
states = {"NY": "New York", "CA": "California"}
broadcast_states = sc.broadcast(states)

# Broadcast dict + RDD map back to a DataFrame (catalogue shape 6).
result = df.rdd.map(lambda x: (x[0], x[1], broadcast_states.value[x[3]])).toDF(["first", "last", "state"])  # error: [SPK306]
adults = df.rdd.filter(lambda r: r.age >= 18)  # error: [SPK306]
words = df.rdd.flatMap(lambda r: r.text.split())  # error: [SPK306]
df.rdd.foreach(lambda r: print(r))  # error: [SPK306]
df.rdd.foreachPartition(lambda rows: None)  # error: [SPK306]
keyed = df.rdd.keyBy(lambda r: r.id)  # error: [SPK306]
total = df.rdd.map(lambda r: r.amount).reduce(lambda a, b: a + b)  # ok: a column lambda; SPK301 reports df.rdd
as_rows = spark.createDataFrame(df.rdd.map(lambda r: Row(id=r.id, twice=r.amount * 2)))  # error: [SPK306]


def clean(frame: DataFrame):
    return frame.rdd.map(normalise)  # error: [SPK306]


def normalise(row):
    return row


# The column-to-list idioms are SPK304's.
ids = df.rdd.map(lambda r: r[0]).collect()  # ok

# Clean: DataFrame operations.
adults = df.filter(df.age >= 18)  # ok
rdd = sc.parallelize([1, 2, 3])
rdd.map(lambda x: x * 2)  # ok: an RDD made by the SparkContext is SPK101's


class Mapper:
    def __init__(self):
        self.rdd = self

    def map(self, fn):
        return self


Mapper().rdd.map(lambda x: x)  # ok: a local class
