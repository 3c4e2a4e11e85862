# Fixture for SPK114 (SparkContext members with no Connect equivalent).
from pyspark import SparkContext
from pyspark.sql import SparkSession

SparkContext.setSystemProperty("spark.executor.memory", "4g")  # error: [SPK114]
spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
print("Spark UI:", spark.sparkContext.uiWebUrl)  # error: [SPK114]
tracker = sc.statusTracker()  # error: [SPK114]
pool = sc.getLocalProperty("spark.scheduler.pool")  # error: [SPK114]
gpus = sc.resources  # error: [SPK114]
shipped = sc.listFiles  # error: [SPK114]
sc.show_profiles()  # error: [SPK114]
sc.dump_profiles("/tmp/profiles")  # error: [SPK114]
parts = sc.runJob(sc.parallelize(range(4)), lambda it: [sum(it)])  # error: [SPK114]
checkpoints = sc.getCheckpointDir()  # error: [SPK114]


def progress(context: SparkContext):
    return context.statusTracker().getActiveJobsIds()  # error: [SPK114]


version = spark.version  # ok


class Cluster:
    resources = {"gpu": 1}

    def listFiles(self):
        return []


node = Cluster()
gpu = node.resources  # ok: a local class
names = node.listFiles()  # ok
