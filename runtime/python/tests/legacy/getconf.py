"""Legacy job: read settings through sparkContext.getConf() / _conf, like logging helpers do.

Usage: getconf.py
"""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("conf-report").getOrCreate()
sc = spark.sparkContext
sc.setLogLevel("WARN")

conf = sc.getConf()
print("shuffle partitions:", conf.get("spark.sql.shuffle.partitions"))
print("has master:", conf.contains("spark.master"))
print("missing with default:", conf.get("spark.sparkmigrate.missing", "fallback"))
print("missing:", conf.get("spark.sparkmigrate.missing"))
settings = dict(sc._conf.getAll())
print("app name present:", "spark.app.name" in settings)
print("version matches:", sc.version == spark.version)
print("default parallelism:", sc.defaultParallelism, sc.defaultMinPartitions)
print("python:", sc.pythonVer)
