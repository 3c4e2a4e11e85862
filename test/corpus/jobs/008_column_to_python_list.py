# corpus: style=tutorial
# corpus: expect=migrates
# "Convert a PySpark DataFrame column to a Python list" -- the three usual answers.
import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("column-to-list").getOrCreate()

here = os.path.dirname(os.path.abspath(__file__))
people = spark.read.csv(os.path.join(here, "..", "data", "people.csv"), header=True, inferSchema=True)
people = people.orderBy("id")

# 1. flatMap over the selected column
names = people.select("name").rdd.flatMap(lambda x: x).collect()
print(names)

# 2. map each Row to its first field
ids = people.select("id", "name").rdd.map(lambda row: row[0]).collect()
print(ids)

# 3. map by attribute name
cities = people.rdd.map(lambda r: r.city).collect()
print(sorted(set(cities)))

print(dict(zip(ids, names)))
