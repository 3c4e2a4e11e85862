# Fixture for SPK501 (SQLContext construction).
import pyspark.sql.context as legacy
from pyspark import SparkContext, SparkConf
from pyspark.sql import SQLContext, SparkSession
from pyspark.sql import DataFrame

conf = SparkConf().setAppName("run")
sc = SparkContext(conf=conf)
sqlContext = SQLContext(sc)  # error: [SPK501]
shared = SQLContext.getOrCreate(sc)  # error: [SPK501]
other = legacy.SQLContext(sc)  # error: [SPK501]

spark = SparkSession.builder.getOrCreate()


class NamedFrame(DataFrame):
    def __init__(self, df):
        super().__init__(df._jdf, SQLContext(spark.sparkContext, spark))  # error: [SPK501]


def make_context(session: SparkSession):
    return SQLContext(session.sparkContext)  # error: [SPK501]


rows = spark.sql("SELECT 1")  # ok: the SparkSession
name = "SQLContext(sc)"  # ok: a string


class SQLContextFactory:
    def build(self):
        return {}


factory = SQLContextFactory()  # ok: a local class with a similar name


def register_all(frames):
    # Declined: `return ctx` and the keyword call still need a SQLContext, so
    # turning the constructor into the session would break them on Connect.
    ctx = SQLContext(spark.sparkContext)  # error: [SPK501]
    for name, frame in frames.items():
        ctx.registerDataFrameAsTable(frame, tableName=name)
    return ctx
