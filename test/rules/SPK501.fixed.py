# Fixture for SPK501 (SQLContext construction).
import pyspark.sql.context as legacy
from pyspark import SparkContext, SparkConf
from pyspark.sql import SparkSession
from pyspark.sql import DataFrame

conf = SparkConf().setAppName("run")
sc = SparkContext(conf=conf)
# error: [SPK501]
# error: [SPK501]
# error: [SPK501]

spark = SparkSession.builder.getOrCreate()


class NamedFrame(DataFrame):
    def __init__(self, df):
        super().__init__(df._jdf, spark)  # error: [SPK501]


def make_context(session: SparkSession):
    return session  # error: [SPK501]


rows = spark.sql("SELECT 1")  # ok: the SparkSession
name = "SQLContext(sc)"  # ok: a string


class SQLContextFactory:
    def build(self):
        return {}


factory = SQLContextFactory()  # ok: a local class with a similar name
