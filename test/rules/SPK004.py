# Fixture for SPK004 (SparkSession.newSession()).
from pyspark.sql import SparkSession, DataFrame

spark = SparkSession.builder.getOrCreate()

isolated = spark.newSession()  # error: [SPK004]


def scratch_session(df: DataFrame):
    return df.sparkSession.newSession()  # error: [SPK004]


def is_connect(session: SparkSession) -> bool:
    try:
        session.newSession()  # error: [SPK004]
        return False
    except Exception:
        return True


class Tests:
    def setup(self, spark_session):
        self.spark_session = spark_session
        self.other = self.spark_session.newSession()  # error: [SPK004]


fresh = SparkSession.builder.remote("sc://localhost:15002").create()  # ok


class Pool:
    def newSession(self):
        return object()


pool_session = Pool().newSession()  # ok: a local class
