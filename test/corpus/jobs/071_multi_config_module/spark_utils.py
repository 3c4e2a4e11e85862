from pyspark.sql import SparkSession


def start_spark(app_name, conf):
    builder = SparkSession.builder.appName(app_name)
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    return spark, spark.sparkContext
