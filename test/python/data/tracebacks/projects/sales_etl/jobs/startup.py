"""Session setup shared by the jobs."""
from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession


def session(app: str) -> SparkSession:
    conf = SparkConf().setAppName(app)
    sc = SparkContext.getOrCreate(conf)
    return SparkSession(sc)
