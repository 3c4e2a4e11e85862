# corpus: style=job-module
# corpus: expect=migrates
"""Conforms partner feeds to the target schema with withColumn loops over df.columns."""
import logging

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

log = logging.getLogger("conform")

TARGET_COLUMNS = ["partner", "sku", "qty", "channel", "currency"]
DEFAULTS = {"channel": "web", "currency": "EUR"}


def add_missing(frame):
    for name in TARGET_COLUMNS:
        if name not in frame.columns:
            frame = frame.withColumn(name, F.lit(DEFAULTS.get(name)))
    return frame


def trim_strings(frame):
    for name, dtype in frame.dtypes:
        if dtype == "string":
            frame = frame.withColumn(name, F.trim(F.col(name)))
    return frame


def main():
    spark = SparkSession.builder.appName("conform-feeds").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    feeds = {
        "acme": spark.createDataFrame([(" acme ", "a1 ", 3)], ["partner", "sku", "qty"]),
        "globex": spark.createDataFrame([("globex", "g7", 1, " shop ")], ["partner", "sku", "qty", "channel"]),
    }
    conformed = []
    for name in sorted(feeds):
        frame = trim_strings(add_missing(feeds[name]))
        conformed.append(frame.select(*TARGET_COLUMNS))
        log.info("conformed %s", name)
    result = conformed[0].unionByName(conformed[1])
    result.orderBy("partner").show(truncate=False)
    print("columns:", result.columns)


if __name__ == "__main__":
    main()
