# Fixture for SPK007 (.master(...) on a SparkSession builder).
import os

from pyspark import SparkConf
from pyspark.sql import SparkSession

spark = SparkSession.builder.master("local[*]").appName("tutorial").getOrCreate()  # warning: [SPK007]

session = (
    SparkSession.builder
    .appName("delta-demo")
    .master("local[2]")  # warning: [SPK007]
    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
    .getOrCreate()
)

builder = SparkSession.builder
if os.environ.get("LOCAL"):
    builder = builder.master(os.environ["SPARK_MASTER"])  # warning: [SPK007]
spark2 = builder.getOrCreate()

remote = SparkSession.builder.remote("sc://localhost:15002").getOrCreate()  # ok

# The chain is remote: the master can go.
both = SparkSession.builder.remote("sc://localhost:15002").getOrCreate()  # warning: [SPK007]
conf = SparkConf().setMaster("local[*]")  # ok: a SparkConf, not the builder


class Cluster:
    def master(self, url):
        return url


node = Cluster().master("spark://host:7077")  # ok: a local class
