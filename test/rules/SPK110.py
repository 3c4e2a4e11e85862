# Fixture for SPK110 (SparkContext.setLogLevel).
import logging
from contextlib import contextmanager

from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession
from pyspark.streaming import StreamingContext

spark = SparkSession.builder.getOrCreate()
spark.sparkContext.setLogLevel("WARN")  # error: [SPK110]
sc = SparkContext(conf=SparkConf().setAppName("wordcount"))
sc.setLogLevel("ERROR")  # error: [SPK110]
ssc = StreamingContext(sc, 10)
ssc.sparkContext.setLogLevel("ERROR")  # error: [SPK110]


class App:
    def __init__(self, spark_session):
        self.spark = spark_session
        self.spark.sparkContext.setLogLevel("INFO")  # error: [SPK110]


logging.getLogger("py4j").setLevel(logging.ERROR)  # ok


class Console:
    def setLogLevel(self, level):
        return level


Console().setLogLevel("DEBUG")  # ok: a local class


@contextmanager
def managed_session(factory):
    session = factory()
    yield session
    session.stop()


def quiet(factory, frames):
    # Receivers it cannot see through, known by a Spark-only attribute.
    with managed_session(factory) as s:
        s.sparkContext.setLogLevel("ERROR")  # error: [SPK110]
    frames["orders"].sparkSession.sparkContext.setLogLevel("WARN")  # error: [SPK110]


@contextmanager
def log_file(path):
    with open(path) as handle:
        yield handle


with log_file("app.log") as handle:
    handle.setLogLevel("DEBUG")  # ok: a file, not a context
