# Fixture for SPK110 (SparkContext.setLogLevel).
import logging

from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession
from pyspark.streaming import StreamingContext

spark = SparkSession.builder.getOrCreate()
# sparkmigrate: removed spark.sparkContext.setLogLevel("WARN"); set spark.log.level on the server instead  # error: [SPK110]
sc = SparkContext(conf=SparkConf().setAppName("wordcount"))
# sparkmigrate: removed sc.setLogLevel("ERROR"); set spark.log.level on the server instead  # error: [SPK110]
ssc = StreamingContext(sc, 10)
# sparkmigrate: removed ssc.sparkContext.setLogLevel("ERROR"); set spark.log.level on the server instead  # error: [SPK110]


class App:
    def __init__(self, spark_session):
        self.spark = spark_session
        # sparkmigrate: removed self.spark.sparkContext.setLogLevel("INFO"); set spark.log.level on the server instead  # error: [SPK110]


logging.getLogger("py4j").setLevel(logging.ERROR)  # ok


class Console:
    def setLogLevel(self, level):
        return level


Console().setLogLevel("DEBUG")  # ok: a local class
