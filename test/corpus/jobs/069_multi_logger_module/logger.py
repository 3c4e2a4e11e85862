"""Logging through Spark's own log4j so messages land in the driver log."""


def get_logger(spark, name):
    return spark.sparkContext._jvm.org.apache.log4j.LogManager.getLogger(name)
