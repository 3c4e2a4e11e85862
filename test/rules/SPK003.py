# Fixture for SPK003 (SparkSession._sc).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

ctx = spark._sc  # error: [SPK003]
model = spark._sc._jvm.com.example.model.Builder().build()  # ok: reported by the JVM rule
numbers = spark._sc.parallelize([1, 2, 3])  # ok: reported as SPK101


def context_of(session: SparkSession):
    return session._sc  # error: [SPK003]


class Job:
    def __init__(self, spark_session):
        self.spark_session = spark_session

    def context(self):
        return self.spark_session._sc  # error: [SPK003]


def stop_everything():
    spark._sc.stop()  # error: [SPK003]


class Service:
    def __init__(self):
        self._sc = "service-context"


svc = Service()
name = svc._sc  # ok: a local class
context = spark.sparkContext  # ok: reported as SPK001
