# Fixture for SPK104 (SparkContext.textFile).
from pyspark import SparkConf, SparkContext
from pyspark.sql import SQLContext

conf = SparkConf().setAppName("proj2")
sc = SparkContext(conf=conf)
sqlContext = SQLContext(sc)
lines = sc.textFile("hdfs:///data/input.csv").map(lambda l: l.split(","))  # error: [SPK104]
logs = sc.textFile("/var/log/app/*.log", 8)  # error: [SPK104]


def read_words(spark):
    return spark.sparkContext.textFile("words.txt")  # error: [SPK104]


class Reader:
    def __init__(self, sc):
        self.sc = sc

    def read(self, path):
        return self.sc.textFile(path)  # error: [SPK104]


text_df = sqlContext.read.text("words.txt")  # ok


class Loader:
    def textFile(self, path):
        return open(path).read()


Loader().textFile("notes.txt")  # ok: a local class
