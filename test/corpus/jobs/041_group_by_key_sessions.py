# corpus: style=tutorial
# corpus: expect=remains reason="SPK309 groupByKey/mapValues on a pair RDD: use groupBy().agg(collect_list)"
import os

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("sessions").getOrCreate()
here = os.path.dirname(os.path.abspath(__file__))
events = spark.read.json(os.path.join(here, "..", "data", "events.json"))

pairs = events.rdd.map(lambda r: (r.user, (r.ts, r.event)))
journeys = pairs.groupByKey().mapValues(lambda items: [e for _, e in sorted(items)])
for user, steps in sorted(journeys.collect()):
    print(user, " -> ".join(steps))
