# Fixture for SPK112 (SparkContext.getConf() and SparkContext._conf).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
app_name = spark.conf.get("spark.app.name", None)  # error: [SPK112]
sc = spark.sparkContext
settings = sc.getConf().getAll()  # error: [SPK112]
executor_memory = spark.conf.get("spark.executor.memory", None)  # error: [SPK112]


class Log4j:
    def __init__(self, spark):
        conf = spark.sparkContext.getConf()  # error: [SPK112]
        self.app = conf.get("spark.app.name")


class PysparkBenchReport:
    def __init__(self, spark_session):
        self.spark_session = spark_session

    def report(self):
        return dict(self.spark_session.sparkContext._conf.getAll())  # error: [SPK112]


def conf_of(context: SparkContext):
    return context.getConf()  # error: [SPK112]


shuffle = spark.conf.get("spark.sql.shuffle.partitions")  # ok


class Settings:
    def __init__(self):
        self._conf = {}

    def getConf(self):
        return self._conf


Settings().getConf()  # ok: a local class
