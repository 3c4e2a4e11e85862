# Fixture for SPK407 (df.sql_ctx / df.sqlContext / df._sc).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

result = df.sparkSession.sql("SELECT 1")  # error: [SPK407]
ctx = df.sqlContext  # error: [SPK407]
context = df._sc  # error: [SPK407]


def wrap(jdf, frame: DataFrame):
    return DataFrame(jdf, frame.sql_ctx)  # error: [SPK407]


def run(orders_df, query):
    return orders_df.sparkSession.sql(query)  # error: [SPK407]


# Clean.
result = df.sparkSession.sql("SELECT 1")  # ok
session_sc = spark._sc  # ok: the session's _sc is SPK003's


class Job:
    def __init__(self, sql_context):
        self.sqlContext = sql_context

    def run(self, query):
        return self.sqlContext.sql(query)  # ok: a local class's attribute


class Wrapper:
    def __init__(self):
        self._sc = None


Wrapper()._sc  # ok: a local class
