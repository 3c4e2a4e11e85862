# Fixture for SPK115 (defaultParallelism / defaultMinPartitions).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.conf.set("spark.sql.shuffle.partitions", spark.sparkContext.defaultParallelism)  # error: [SPK115]
sc = SparkContext.getOrCreate()
cores = sc.defaultParallelism  # error: [SPK115]
minimum = sc.defaultMinPartitions  # error: [SPK115]


def partitions_for(session):
    return session.sparkContext.defaultParallelism * 3  # error: [SPK115]


shuffle = int(spark.conf.get("spark.sql.shuffle.partitions"))  # ok


class Pool:
    defaultParallelism = 4


workers = Pool().defaultParallelism  # ok: a local class
