# Fixture for SPK117 (SparkContext.setCheckpointDir).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.sparkContext.setCheckpointDir("/tmp/checkpoints")  # error: [SPK117]
sc = SparkContext.getOrCreate()
sc.setCheckpointDir("hdfs:///checkpoints")  # error: [SPK117]


class GraphJob:
    def __init__(self, spark):
        self.spark = spark
        self.spark.sparkContext.setCheckpointDir("dbfs:/tmp/graphframes")  # error: [SPK117]


stable = spark.range(10).localCheckpoint()  # ok


class Trainer:
    def setCheckpointDir(self, path):
        return path


Trainer().setCheckpointDir("/tmp")  # ok: a local class
