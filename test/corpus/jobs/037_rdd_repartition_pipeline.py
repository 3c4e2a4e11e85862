# corpus: style=tutorial
# corpus: expect=broken reason="BUG: SPK313 rewrites spread = events.rdd.repartition(4) to events.repartition(4) although spread is then used as an RDD (getNumPartitions, map); those uses were never reported, so no finding is left and the job fails on Connect"
# Spreading work over more partitions before an RDD map (a pattern from RDD-era tutorials).
import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("spread-work").getOrCreate()
here = os.path.dirname(os.path.abspath(__file__))
events = spark.read.json(os.path.join(here, "..", "data", "events.json"))

spread = events.rdd.repartition(4)
print("partitions:", spread.getNumPartitions())
labels = spread.map(lambda row: f"{row.user}:{row.event}").collect()
for label in sorted(labels):
    print(label)
