# Fixture for SPK110 (SparkContext.setLogLevel).
import logging

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
