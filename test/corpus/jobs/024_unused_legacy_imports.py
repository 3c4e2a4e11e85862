# corpus: style=job-module
# corpus: expect=migrates
# corpus: args="--target-version 4.0"
"""Daily signup counts. Still carries the imports of its SparkContext days."""
from pyspark import SparkContext, RDD
from pyspark.rdd import PipelinedRDD
from pyspark.sql import SparkSession, functions as F


def signups_per_day(spark):
    rows = [("2024-05-01", "a"), ("2024-05-01", "b"), ("2024-05-02", "c"), ("2024-05-03", "d"), ("2024-05-03", "e")]
    df = spark.createDataFrame(rows, ["day", "user"])
    return df.groupBy("day").agg(F.count("user").alias("signups")).orderBy("day")


def main():
    spark = SparkSession.builder.appName("signups").getOrCreate()
    for row in signups_per_day(spark).collect():
        print(row.day, row.signups)


if __name__ == "__main__":
    main()
