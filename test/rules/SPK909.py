# sparkmigrate-test: platform=databricks
# Fixture for SPK909 (DataFrame cache on serverless, opt-in).
from functools import lru_cache
from pyspark import StorageLevel
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
orders = spark.table("main.sales.orders").filter("amount > 0").cache()  # info: [SPK909]
customers = spark.table("main.sales.customers")
customers.persist(StorageLevel.MEMORY_AND_DISK)  # info: [SPK909]
customers.unpersist()  # ok


class Store:
    def cache(self):
        return self


Store().cache()  # ok: a local class


@lru_cache(maxsize=None)
def cached(x):  # ok: functools
    return x
