"""Legacy job: an empty DataFrame with a fixed schema via createDataFrame(sc.emptyRDD(), schema).

Usage: empty_rdd.py
"""
from pyspark.sql import SparkSession
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

spark = SparkSession.builder.appName("empty-rdd").getOrCreate()
sc = spark.sparkContext

schema = StructType([
    StructField("id", IntegerType(), False),
    StructField("name", StringType(), True),
])
empty = spark.createDataFrame(sc.emptyRDD(), schema)
print(empty.count(), empty.schema.simpleString())
print([(field.name, field.nullable) for field in empty.schema.fields])
print(sc.emptyRDD().isEmpty(), sc.parallelize([1]).isEmpty(), sc.emptyRDD().getNumPartitions())
try:
    spark.createDataFrame(sc.emptyRDD())
except ValueError as error:
    print("error:", type(error).__name__, error)
