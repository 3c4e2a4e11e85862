# corpus: style=tutorial
# corpus: expect=migrates
# Turning rows into JSON strings, e.g. to post them to an HTTP endpoint.
import json

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("to-json").getOrCreate()

orders = spark.createDataFrame(
    [(1, "alice", 19.99, None), (2, "bob", 5.0, "express"), (3, "carol", 42.5, "standard")],
    "id INT, customer STRING, total DOUBLE, shipping STRING").orderBy("id")

payloads = orders.toJSON().collect()
for line in payloads:
    print(line)

first = orders.toJSON().first()
print("first:", json.loads(first)["customer"])
print("decoded totals:", [json.loads(p)["total"] for p in orders.toJSON().take(2)])
