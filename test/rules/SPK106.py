# Fixture for SPK106 (SparkContext.binaryFiles).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
images = spark.sparkContext.binaryFiles("/data/images/*.png")  # error: [SPK106]
ctx = SparkContext.getOrCreate()
blobs = ctx.binaryFiles("/data/blobs")  # error: [SPK106]

frames = spark.read.format("binaryFile").load("/data/images")  # ok


class Bucket:
    def binaryFiles(self, prefix):
        return []


Bucket().binaryFiles("raw/")  # ok: a local class
