"""Legacy job 747."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


class Log4j747_0:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.747_0")

    def warn(self, message):
        self.logger.warn(message)


def people_747_1(spark):
    rdd = spark.sparkContext.parallelize([("a", 11), ("b", 8)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def settings_747_2(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 747_2")
    return sc.getConf().get("spark.app.name")


def settings_747_3(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 747_3")
    return sc.getConf().get("spark.app.name")


def legacy_sql_747_4(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '90'")
    sqlContext.registerDataFrameAsTable(df, "events_747_4")
    return df.toJSON().collect()


def people_747_5(spark):
    rdd = spark.sparkContext.parallelize([("a", 56), ("b", 2)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])
