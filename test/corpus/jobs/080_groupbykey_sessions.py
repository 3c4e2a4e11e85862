# corpus: style=job-module
# corpus: expect=remains reason="SPK309 groupByKey sessionisation over the RDD needs groupBy + collect_list or applyInPandas"
"""Builds per-user click paths with groupByKey, the way the 2016 version of this job did."""
import os

from pyspark.sql import SparkSession

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")

CONFIG = {"input": os.path.join(DATA, "b_events.jsonl"), "min_events": 3}


def main():
    spark = SparkSession.builder.appName("click-paths").getOrCreate()
    events = spark.read.json(CONFIG["input"])
    pairs = events.rdd.map(lambda r: (r.user, (r.ms, r.event)))
    paths = pairs.groupByKey().mapValues(lambda evs: [e for _, e in sorted(evs)])
    for user, path in sorted(paths.collect()):
        if len(path) >= CONFIG["min_events"]:
            print(user, " > ".join(path))
    print("users:", paths.count())


if __name__ == "__main__":
    main()
