# Fixture for SPK308 (df.rdd.zipWithIndex / zipWithUniqueId).
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

indexed = df.rdd.zipWithIndex().map(lambda p: (p[1],) + tuple(p[0])).toDF(["idx"] + df.columns)  # error: [SPK308]
unique = df.rdd.zipWithUniqueId()  # error: [SPK308]


def number_rows(frame: DataFrame):
    return frame.rdd.zipWithIndex()  # error: [SPK308]


# Clean.
numbered = df.withColumn("idx", F.row_number().over(Window.orderBy("id")) - 1)  # ok
ids = df.withColumn("uid", F.monotonically_increasing_id())  # ok
pairs = list(zip(range(3), "abc"))  # ok


class Seq:
    def __init__(self):
        self.rdd = self

    def zipWithIndex(self):
        return []


Seq().rdd.zipWithIndex()  # ok: a local class
