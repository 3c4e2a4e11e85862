# sparkmigrate-test: platform=databricks
# Fixture for SPK907 (spark.conf.set outside the serverless allow-list).
from pyspark.sql import SparkSession
import configparser

spark = SparkSession.builder.getOrCreate()
spark.conf.set("spark.databricks.delta.schema.autoMerge.enabled", "true")  # warning: [SPK907]
spark.conf.set("fs.azure.account.key.store.dfs.core.windows.net", "secret")  # warning: [SPK907]
conf = spark.conf
conf.set("spark.hadoop.fs.s3a.access.key", "key")  # warning: [SPK907]
spark.conf.set("spark.sql.shuffle.partitions", "64")  # ok: runtime SQL conf
spark.conf.set("spark.sql.session.timeZone", "UTC")  # ok
spark.conf.set("spark.databricks.execution.timeout", "3600")  # ok: allowed on serverless
parser = configparser.ConfigParser()
parser.set("section", "fs.azure.key", "x")  # ok: not a Spark conf
