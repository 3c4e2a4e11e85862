# corpus: style=job-module
# corpus: expect=remains reason="SPK118/SPK301 sc.union over a list comprehension of df.rdd is not rewritten"
"""Combines the hourly partitions of a metrics table with SparkContext.union."""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("hourly-metrics").getOrCreate()
sc = spark.sparkContext

HOURS = {
    "00": [("cpu", 0.31), ("mem", 0.52)],
    "01": [("cpu", 0.44)],
    "02": [("cpu", 0.12), ("mem", 0.61)],
}


def hourly_frames():
    frames = []
    for hour, rows in sorted(HOURS.items()):
        frames.append(spark.createDataFrame([(hour, m, v) for m, v in rows], ["hour", "metric", "value"]))
    return frames


def main():
    frames = hourly_frames()
    combined = sc.union([f.rdd for f in frames])
    rows = combined.collect()
    print("rows:", len(rows))
    for row in sorted(rows):
        print(row.hour, row.metric, row.value)


if __name__ == "__main__":
    main()
