# Fixture for SPK011 (SparkSession.getActiveSession(); opt-in).
from concurrent.futures import ThreadPoolExecutor

import pyspark.sql
from pyspark.sql import SparkSession


def load(table):
    spark = SparkSession.getActiveSession()  # info: [SPK011]
    return spark.table(table)


def count_rows(table):
    return pyspark.sql.SparkSession.getActiveSession().table(table).count()  # info: [SPK011]


def session_or_new():
    return SparkSession.getActiveSession() or SparkSession.builder.getOrCreate()  # info: [SPK011]


with ThreadPoolExecutor(4) as pool:
    counts = list(pool.map(count_rows, ["a", "b"]))


def explicit(spark: SparkSession, table: str):
    return spark.table(table)  # ok: the session is passed in


current = SparkSession.active()  # ok


class Registry:
    @staticmethod
    def getActiveSession():
        return None


Registry.getActiveSession()  # ok: a local class
