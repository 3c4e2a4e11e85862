# Fixture for SPK009 (enableHiveSupport() on a SparkSession builder).
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("etl").getOrCreate()  # error: [SPK009]

hive = (
    SparkSession.builder
      # error: [SPK009]
    .getOrCreate()
)


def session_for(builder: "SparkSession.Builder"):
    return builder.getOrCreate()  # error: [SPK009]


plain = SparkSession.builder.getOrCreate()  # ok


class FakeBuilder:
    def enableHiveSupport(self):
        return self


FakeBuilder().enableHiveSupport()  # ok: a local class
