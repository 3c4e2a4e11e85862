# corpus: style=job-module
# corpus: expect=migrates
"""Clickstream summary. Runs locally by default; set CLICKS_SPARK_REMOTE to use a Connect server."""
import os

from pyspark.sql import SparkSession

if os.environ.get("CLICKS_SPARK_REMOTE"):
    os.environ["SPARK_REMOTE"] = os.environ["CLICKS_SPARK_REMOTE"]


def get_spark():
    return SparkSession.builder.master("local[2]").appName("clicks").getOrCreate()


def main():
    spark = get_spark()
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "events.json")
    events = spark.read.json(path)
    events.groupBy("device").count().orderBy("device").show()
    print(events.filter("event = 'click'").select("user").distinct().count())


if __name__ == "__main__":
    main()
