# Fixture for SPK119 (the Hadoop configuration through _jsc).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("s3-read").getOrCreate()
spark.sparkContext._jsc.hadoopConfiguration().set("fs.s3a.access.key", "KEY")  # error: [SPK119]
hadoop_conf = spark._jsc.hadoopConfiguration()  # error: [SPK119]
hadoop_conf.set("fs.s3a.endpoint", "s3.eu-west-1.amazonaws.com")
sc = SparkContext.getOrCreate()
sc._jsc.hadoopConfiguration().set("fs.azure.account.key.acct.blob.core.windows.net", "k")  # error: [SPK119]
jsc = sc._jsc
jsc.hadoopConfiguration().setInt("dfs.replication", 2)  # error: [SPK119]


class S3Setup:
    def __init__(self, spark):
        self.spark = spark

    def configure(self):
        conf = self.spark._jsc.hadoopConfiguration()  # error: [SPK119]
        conf.set("fs.s3a.path.style.access", "true")


spark.conf.set("fs.s3a.endpoint", "s3.eu-west-1.amazonaws.com")  # ok
df = spark.read.option("fs.s3a.path.style.access", "true").csv("s3a://bucket/data.csv")  # ok


class Cluster:
    def hadoopConfiguration(self):
        return {}


Cluster().hadoopConfiguration()  # ok: a local class
