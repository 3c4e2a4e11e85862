# Fixture for SPK005 (SparkContext construction and the active context).
import pyspark
from pyspark import SparkConf, SparkContext
from pyspark import SparkContext as SC
from pyspark.context import SparkContext as LegacyContext
from pyspark.sql import SparkSession

conf = SparkConf().setAppName("wordcount").setMaster("local[2]")
sc = SparkContext(conf=conf)  # error: [SPK005]
spark = SparkSession.builder.appName("app").getOrCreate()  # error: [SPK005]
# error: [SPK005]
aliased = SC.getOrCreate(conf)  # error: [SPK005]
# error: [SPK005]
# error: [SPK005]
# error: [SPK005]


def jvm_helper():
    ctx = SparkContext._active_spark_context  # error: [SPK005]
    return ctx is not None


# Used: a session and the context derived from it (the SparkConf chain folded
# into the builder, the master dropped).
def word_count_job(path):
    spark = SparkSession.builder.appName("words").config("spark.sql.shuffle.partitions", "4").getOrCreate()
    context = spark.sparkContext  # error: [SPK005]
    return context.textFile(path).count()


def positional_job():
    spark = SparkSession.builder.appName("positional").getOrCreate()
    context = spark.sparkContext  # error: [SPK005]
    return context.version


def fetched_job():
    spark = SparkSession.builder.getOrCreate()
    context = spark.sparkContext  # error: [SPK005]
    return context.version


# Declined: arguments without a session equivalent, a SparkConf built elsewhere,
# `spark` bound to something else.
def odd_arguments():
    context = SparkContext("local", "app", pyFiles=["x.py"])  # error: [SPK005]
    return context.version


def conf_from_caller(given):
    context = SparkContext(conf=given)  # error: [SPK005]
    return context.version


def spark_taken():
    spark = "a string"
    context = SparkContext()  # error: [SPK005]
    return spark, context.version


spark = SparkSession.builder.getOrCreate()  # ok


class SparkContextFactory:
    def getOrCreate(self):
        return "fake"


factory = SparkContextFactory()
made = factory.getOrCreate()  # ok: a local class
label = "SparkContext(conf=conf)"  # ok: a string


def with_settings():
    # An unused context made from a conf: its settings move to the session line after it.
    # error: [SPK005]
    spark = SparkSession.builder.config("spark.sql.session.timeZone", "UTC").getOrCreate()
    return spark.range(1)
