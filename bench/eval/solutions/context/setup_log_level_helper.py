import logging

from pyspark.sql import functions as F


def configure_logging(level="WARN"):
    logging.getLogger("py4j").setLevel(level)


def run(spark):
    configure_logging()
    temps = spark.createDataFrame([("oslo", -3.5), ("rome", 14.0), ("oslo", 1.5), ("rome", 18.0)], ["city", "temp"])
    stats = temps.groupBy("city").agg(F.min("temp").alias("lo"), F.max("temp").alias("hi"))
    return sorted(tuple(r) for r in stats.collect())
