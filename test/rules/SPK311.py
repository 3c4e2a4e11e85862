# Fixture for SPK311 (saveAsTextFile).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
df = spark.read.parquet("/data/orders")

df.rdd.saveAsTextFile("/out/raw")  # error: [SPK311]
df.rdd.map(lambda r: ",".join(str(v) for v in r)).saveAsTextFile("/out/csv")  # error: [SPK311]
lines = sc.textFile("/data/in.txt").filter(lambda l: l)
lines.saveAsTextFile("/out/filtered")  # error: [SPK311]


def dump(frame: DataFrame, path):
    frame.rdd.saveAsTextFile(path)  # error: [SPK311]


# Clean.
df.write.text("/out/text")  # ok
df.write.csv("/out/csv2")  # ok


class Exporter:
    def saveAsTextFile(self, path):
        return path


Exporter().saveAsTextFile("/out")  # ok: a local class
