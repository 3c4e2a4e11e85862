# Fixture for SPK503 (HiveContext).
from pyspark import SparkContext
from pyspark.sql import HiveContext, SQLContext
import pyspark.sql

sc = SparkContext.getOrCreate()
hive = HiveContext(sc)  # error: [SPK503]
# error: [SPK503]
hive.sql("SHOW TABLES")


def contexts(context: SparkContext):
    return HiveContext(context), SQLContext(context)  # error: [SPK503]


class HiveClient:
    def __init__(self, url):
        self.url = url


client = HiveClient("thrift://metastore:9083")  # ok: a local class
text = "HiveContext(sc)"  # ok: a string
