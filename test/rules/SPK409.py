# Fixture for SPK409 (createDataFrame arguments ignored by Connect).
from pyspark.sql import SQLContext, SparkSession
from pyspark.sql.types import LongType, StructField, StructType

spark = SparkSession.builder.getOrCreate()
rows = [(1, "a"), (2, "b")]
schema = StructType([StructField("id", LongType()), StructField("name", LongType())])

sampled = spark.createDataFrame(rows, samplingRatio=0.1)  # warning: [SPK409]
checked = spark.createDataFrame(rows, schema, verifySchema=True)  # warning: [SPK409]
unchecked = spark.createDataFrame(rows, schema=schema, verifySchema=False)  # warning: [SPK409]
positional = spark.createDataFrame(rows, None, 0.5)  # warning: [SPK409]
positional4 = spark.createDataFrame(rows, schema, None, False)  # warning: [SPK409]


def build(session: SparkSession, data, ratio):
    return session.createDataFrame(data, samplingRatio=ratio)  # warning: [SPK409]


def legacy(sql_ctx: SQLContext, data):
    return sql_ctx.createDataFrame(data, verifySchema=False)  # warning: [SPK409]


# Clean.
typed = spark.createDataFrame(rows, "id long, name string")  # ok
defaults = spark.createDataFrame(rows, schema, samplingRatio=None)  # ok: None is the default


class Factory:
    def createDataFrame(self, data, samplingRatio=None):
        return data


Factory().createDataFrame(rows, samplingRatio=0.5)  # ok: a local class
