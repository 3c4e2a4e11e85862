"""Legacy job: serialise rows with df.toJSON() and post-process the strings.

Usage: to_json.py
"""
import json

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("to-json").getOrCreate()
df = spark.createDataFrame(
    [(1, "a", None), (2, "b", 2.5), (3, "c", 0.1)], "id int, tag string, value double"
)
documents = df.toJSON()
print(documents.first())
for document in sorted(documents.collect()):
    print(document)
print(sorted(documents.map(lambda text: json.loads(text)["id"]).collect()))
print(df.toJSON().count())
