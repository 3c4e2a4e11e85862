# corpus: style=tutorial
# corpus: expect=migrates
import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("cache-repartition").getOrCreate()
here = os.path.dirname(os.path.abspath(__file__))
events = spark.read.json(os.path.join(here, "..", "data", "events.json"))

events.rdd.cache()
print("rows:", events.rdd.count())

spread = events.rdd.repartition(3)
print("after repartition:", spread.count())
merged = events.rdd.coalesce(1)
print("after coalesce:", merged.count())
events.rdd.unpersist()
