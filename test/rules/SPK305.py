# Fixture for SPK305 (df.rdd.getNumPartitions()).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/events")

print(df.rdd.getNumPartitions())  # error: [SPK305]
df = df.repartition(4)
print("after:", df.rdd.getNumPartitions())  # error: [SPK305]
spark.conf.set("spark.sql.shuffle.partitions", "8")
grouped = df.groupBy("kind").count()
parts = grouped.rdd.getNumPartitions()  # error: [SPK305]


def partitions(frame: DataFrame) -> int:
    return frame.rdd.getNumPartitions()  # error: [SPK305]


# Clean.
df.explain()  # ok


class Partitioned:
    def __init__(self):
        self.rdd = self

    def getNumPartitions(self):
        return 1


Partitioned().rdd.getNumPartitions()  # ok: a local class
