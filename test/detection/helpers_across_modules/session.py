# The session factory of a job package: the only module that imports pyspark.
from contextlib import contextmanager

from pyspark.sql import SparkSession


def get_spark(app="orders"):
    return SparkSession.builder.appName(app).getOrCreate()


def create_spark():
    session = get_spark()
    return session, session.sparkContext  # error: [SPK001]


@contextmanager
def managed_session():
    session = get_spark()
    try:
        yield session
    finally:
        session.stop()


def load_orders(spark):
    return spark.read.json("/data/orders")


shared = get_spark("shared")
