# Fixture for SPK806 (a map column built from Python dicts keeps insertion order on Connect).
from pyspark.sql import SparkSession
from pyspark.sql.types import IntegerType, MapType, StringType, StructField, StructType

spark = SparkSession.builder.getOrCreate()


def tags():
    rows = [({"zeta": 1, "alpha": 2},)]
    frame = spark.createDataFrame(rows, "m map<string,int>")  # warning: [SPK806]
    return frame.selectExpr("explode(m)").collect()


def typed():
    schema = StructType([StructField("m", MapType(StringType(), IntegerType()))])
    return spark.createDataFrame([({"b": 1, "a": 2},)], schema=schema)  # warning: [SPK806]


# Clean: no dicts, or no map type.
def lists():
    return spark.createDataFrame([(["a", "b"],)], "k array<string>")  # ok


def structs():
    return spark.createDataFrame([({"a": 1},)], "s struct<a: int>")  # ok
