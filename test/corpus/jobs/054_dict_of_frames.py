# corpus: style=job-module
# corpus: expect=migrates
"""Merges regional extracts that arrive as a dict of DataFrames."""
from functools import reduce

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("regional-merge").getOrCreate()

REGIONS = {
    "north": [("n1", 3), ("n2", 5)],
    "south": [("s1", 2)],
    "east": [],
    "west": [("w1", 7), ("w2", 1), ("w3", 4)],
}


def build_frames():
    frames = {}
    for region, rows in sorted(REGIONS.items()):
        frame = spark.createDataFrame(rows, "store STRING, visits INT")
        frames[region] = frame.withColumn("region", F.lit(region))
    return frames


def ensure_frame(value, name):
    if not isinstance(value, DataFrame):
        raise TypeError(f"{name} is not a DataFrame")
    return value


def main():
    frames = build_frames()
    for name, frame in frames.items():
        ensure_frame(frame, name)
        if frame.rdd.isEmpty():
            print(name, "is empty")
        else:
            print(name, "first:", frame.orderBy("store").rdd.take(1)[0].store)
    merged = reduce(DataFrame.unionByName, list(frames.values()))
    print("merged rows:", merged.count())
    merged.orderBy("region", "store").show(truncate=False)
    print("is frame:", isinstance(merged, DataFrame), isinstance([merged], DataFrame))


if __name__ == "__main__":
    main()
