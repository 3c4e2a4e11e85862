# Fixture for SPK001 (spark.sparkContext).
from pyspark.sql import SparkSession, DataFrame

spark = SparkSession.builder.appName("fixture").getOrCreate()
# error: [SPK001]
app = spark.sparkContext.appName  # error: [SPK113]


def from_frame(df: DataFrame):
    return df.sparkSession.sparkContext  # error: [SPK001]


def active():
    return SparkSession.getActiveSession().sparkContext  # error: [SPK001]


class Job:
    def __init__(self, session):
        self.spark = session

    def context(self):
        return self.spark.sparkContext  # error: [SPK001]


# A specific rule covers the generic finding: reported as SPK101 only.
rdd = spark.sparkContext.parallelize([1, 2])  # ok


class Holder:
    def __init__(self):
        self.sparkContext = object()


holder = Holder()
thing = holder.sparkContext  # ok: a local class with its own attribute
name = "spark.sparkContext"  # ok: a string
