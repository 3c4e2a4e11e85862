# corpus: style=tutorial
# corpus: expect=remains reason="SPK313: the repartitioned RDD is used as an RDD afterwards (getNumPartitions, map), so dropping .rdd is left to a person"
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
