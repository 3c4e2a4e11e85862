"""Legacy job 178."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def legacy_sql_178_0(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '44'")
    sqlContext.registerDataFrameAsTable(df, "events_178_0")
    return df.toJSON().collect()


def first_ids_178_1(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


class Log4j178_2:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.178_2")

    def warn(self, message):
        self.logger.warn(message)


def settings_178_3(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 178_3")
    return sc.getConf().get("spark.app.name")


def schema_178_4() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_92", StringType(), True),
    ])


def people_178_5(spark):
    rdd = spark.sparkContext.parallelize([("a", 75), ("b", 6)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


class Log4j178_6:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.178_6")

    def warn(self, message):
        self.logger.warn(message)
