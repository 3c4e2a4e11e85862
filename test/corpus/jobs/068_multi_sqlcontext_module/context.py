from pyspark import SparkConf, SparkContext
from pyspark.sql import SQLContext


def build_contexts(app_name):
    conf = SparkConf().setAppName(app_name)
    sc = SparkContext.getOrCreate(conf=conf)
    return sc, SQLContext(sc)
