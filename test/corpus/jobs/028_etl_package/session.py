from pyspark.sql import SparkSession


def get_spark(app_name):
    spark = SparkSession.builder.appName(app_name).getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    return spark, sc
