# Fixture for SPK113 (application information read from the SparkContext).
import sys

from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
print("app:", spark.conf.get("spark.app.name"))  # error: [SPK113]
print("id:", spark.conf.get("spark.app.id"))  # error: [SPK113]
print("master:", sc.master, "version:", spark.version)  # error: [SPK113]
user = sc.sparkUser()  # error: [SPK113]
started = SparkContext.getOrCreate().startTime  # error: [SPK113]
python = "%d.%d" % sys.version_info[:2]  # error: [SPK113]
major = ("%d.%d" % sys.version_info[:2]).split(".")[0]  # error: [SPK113]


def describe(context: SparkContext):
    return f"{spark.conf.get('spark.app.name')} on {context.master}"  # error: [SPK113]


class Metrics:
    def __init__(self, spark_session):
        self.app_id = spark_session.conf.get("spark.app.id")  # error: [SPK113]


version = spark.version  # ok: the session's version
app = spark.conf.get("spark.app.name")  # ok


class Service:
    appName = "svc"
    version = "1.0"


svc = Service()
label = f"{svc.appName} {svc.version}"  # ok: a local class
