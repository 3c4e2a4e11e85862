# Fixture for SPK312 (readers fed with RDDs).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
df = spark.read.parquet("/data/orders")
json_lines = ['{"id": 1}', '{"id": 2}']

events = spark.read.json(sc.parallelize(json_lines))  # error: [SPK312]
csv = spark.read.option("header", "true").csv(sc.parallelize(["a,b", "1,2"]))  # error: [SPK312]
roundtrip = spark.read.json(df.toJSON())  # error: [SPK312]
json_rdd = sc.textFile("/data/events.jsonl")
parsed = spark.read.schema("id long").json(json_rdd)  # error: [SPK312]


def parse(session: SparkSession, lines_rdd):
    return session.read.json(lines_rdd)  # error: [SPK312]


# Clean: paths.
events = spark.read.json("/data/events.jsonl")  # ok
csv = spark.read.csv(["/data/a.csv", "/data/b.csv"])  # ok
import requests

payload = requests.get("https://example.com").json()  # ok: not a reader
