# Fixture for SPK002 (SparkSession._jsc / _jsparkSession / _jconf).
from pyspark.sql import SparkSession, DataFrame

spark = SparkSession.builder.appName("fixture").getOrCreate()

jsc = spark._jsc  # error: [SPK002]
exists = spark._jsparkSession.catalog().tableExists("sales", "orders")  # error: [SPK002]
shuffle = spark._jconf.getConfString("spark.sql.shuffle.partitions")  # error: [SPK002]
version = spark._jsc.version()  # error: [SPK002]


def plan_of(df: DataFrame):
    return df.sparkSession._jsparkSession.sessionState()  # error: [SPK002]


def scala_session():
    return SparkSession.getActiveSession()._jsparkSession  # error: [SPK002]


class Loader:
    def __init__(self, spark_session: SparkSession):
        self.spark = spark_session

    def java_context(self):
        return self.spark._jsc.sc()  # error: [SPK002]


def helper(spark):
    return spark._jconf  # error: [SPK002]


# The Hadoop configuration is reported once, as SPK119.
spark._jsc.hadoopConfiguration().set("fs.s3a.endpoint", "s3.amazonaws.com")  # ok
# `_jvm` belongs to the JVM rules.
logger = spark._jvm.org.apache.log4j.LogManager.getLogger("job")  # ok
# The RuntimeConfig's own handle is not a session attribute.
conf_handle = spark.conf._jconf  # ok
exists_public = spark.catalog.tableExists("orders", "sales")  # ok


class JavaWrapper:
    def __init__(self):
        self._jsc = None
        self._jconf = {}


wrapper = JavaWrapper()
handle = wrapper._jsc  # ok: a local class with its own attribute
settings = wrapper._jconf  # ok
text = "spark._jsc"  # ok: a string
