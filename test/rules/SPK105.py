# Fixture for SPK105 (SparkContext.wholeTextFiles).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
docs = sc.wholeTextFiles("/data/docs/*.txt")  # error: [SPK105]
pairs = spark.sparkContext.wholeTextFiles("s3a://bucket/json/", 4).values()  # error: [SPK105]

whole = spark.read.text("/data/docs", wholetext=True)  # ok


class Archive:
    def wholeTextFiles(self, path):
        return {}


Archive().wholeTextFiles("/tmp")  # ok: a local class
