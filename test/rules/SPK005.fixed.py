# Fixture for SPK005 (SparkContext construction and the active context).
import pyspark
from pyspark import SparkConf, SparkContext
from pyspark import SparkContext as SC
from pyspark.context import SparkContext as LegacyContext
from pyspark.sql import SparkSession

conf = SparkConf().setAppName("wordcount").setMaster("local[2]")
# error: [SPK005]
# error: [SPK005]
# error: [SPK005]
# error: [SPK005]
# error: [SPK005]
# error: [SPK005]
# error: [SPK005]


def jvm_helper():
    ctx = SparkContext._active_spark_context  # error: [SPK005]
    return ctx is not None


spark = SparkSession.builder.getOrCreate()  # ok


class SparkContextFactory:
    def getOrCreate(self):
        return "fake"


factory = SparkContextFactory()
made = factory.getOrCreate()  # ok: a local class
label = "SparkContext(conf=conf)"  # ok: a string
