# Fixture for SPK120 (any other SparkContext member).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
sc.stop()  # error: [SPK120]
sc.cancelStage(3)  # error: [SPK120]
same = sc.getOrCreate()  # error: [SPK120]
env = sc.environment  # error: [SPK120]
executors = sc._jsc.sc().getExecutorMemoryStatus()  # error: [SPK120]


def shutdown(context: SparkContext):
    context.stop()  # error: [SPK120]


class Job:
    def __init__(self):
        self.sc = SparkContext.getOrCreate()

    def finish(self):
        self.sc.stop()  # error: [SPK120]


class Holder:
    def __init__(self, context: SparkContext):
        self._sc = context

    def close(self):
        self._sc.stop()  # error: [SPK120]


# Covered by specific rules, not by this one.
sc.setLogLevel("WARN")  # ok: SPK110
sc.parallelize([1])  # ok: SPK101
SparkContext.getOrCreate().stop()  # ok: SPK005
spark.sparkContext.stop()  # ok: reported as SPK001
logger = sc._jvm.org.apache.log4j  # ok: the JVM rules
gateway = sc._gateway  # ok: the JVM rules
sc._jsc.hadoopConfiguration().set("fs.s3a.endpoint", "s3")  # ok: SPK119
spark.stop()  # ok: the session


class Engine:
    def stop(self):
        return None


engine = Engine()
engine.stop()  # ok: a local class
