# Fixture for SPK402 (df.toJSON() returns a DataFrame on Connect 4.2+).
# sparkmigrate-test: target-version=4.2
import json

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

records = [json.loads(s) for s in [r.value for r in df.select(F.to_json(F.struct("*")).alias("value")).collect()]]  # warning: [SPK402]
first = json.loads(df.select(F.to_json(F.struct("*")).alias("value")).first().value)  # warning: [SPK402]
encoded = df.toJSON().map(lambda s: s.encode("utf-8"))  # warning: [SPK402]
df.toJSON().saveAsTextFile("/out/json")  # warning: [SPK402]
json_rdd = df.toJSON()  # warning: [SPK402]
roundtrip = spark.read.json(df.toJSON())  # warning: [SPK402]
for line in [r.value for r in df.select(F.to_json(F.struct("*")).alias("value")).take(5)]:  # warning: [SPK402]
    print(line)


def to_json_strings(frame: DataFrame):
    return frame.toJSON()  # warning: [SPK402]


# Same result either way.
n = df.toJSON().count()  # ok

# Clean: explicit and version-independent.
values = [r.value for r in df.select(F.to_json(F.struct("*")).alias("value")).collect()]  # ok


class Event:
    def toJSON(self):
        return "{}"


body = Event().toJSON()  # ok: a local class
