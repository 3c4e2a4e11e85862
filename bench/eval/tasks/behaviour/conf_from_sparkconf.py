from pyspark import SparkConf
from pyspark.sql import functions as F

JOB_CONF = SparkConf(loadDefaults=False).setAll([
    ("spark.sql.session.timeZone", "UTC"),
    ("spark.sql.shuffle.partitions", "4"),
])


def run(spark):
    for key, value in JOB_CONF.getAll():
        spark.conf.set(key, value)
    events = spark.createDataFrame([("2024-03-10 01:30:00",), ("2024-03-10 23:59:59",)], ["ts"])
    days = events.select(F.to_date(F.to_timestamp("ts")).cast("string").alias("d"))
    return sorted(r.d for r in days.collect()), spark.conf.get("spark.sql.session.timeZone")
