# Fixture for SPK313 (persistence/partitioning through df.rdd).
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/events")

cached = df.rdd.cache()  # error: [SPK313]
persisted = df.rdd.persist(StorageLevel.MEMORY_AND_DISK)  # error: [SPK313]
wide = spark.read.parquet("/data/events").rdd.repartition(16)  # error: [SPK313]
narrow = df.rdd.coalesce(1)  # error: [SPK313]
per_partition = df.rdd.glom().collect()  # error: [SPK313]
df.rdd.unpersist()  # error: [SPK313]


def shrink(frame: DataFrame):
    return frame.rdd.coalesce(4)  # error: [SPK313]


# Declined: what it gives is used as an RDD afterwards.
spread = df.rdd.repartition(4)  # error: [SPK313]
labels = spread.map(lambda row: row.user).collect()


# Clean.
cached = df.cache()  # ok
wide = df.repartition(16)  # ok


class Cache:
    def __init__(self):
        self.rdd = self

    def cache(self):
        return self


Cache().rdd.cache()  # ok: a local class
