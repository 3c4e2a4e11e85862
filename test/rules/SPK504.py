# Fixture for SPK504 (SQLContext.registerJavaFunction).
from pyspark import SparkContext
from pyspark.sql import SQLContext, HiveContext, SparkSession

sc = SparkContext.getOrCreate()
ctx = SQLContext(sc)
ctx.registerJavaFunction("parse_ua", "com.example.ParseUserAgent", "string")  # error: [SPK504]
sqlContext.registerJavaFunction("geo", "com.example.Geo")  # error: [SPK504]
HiveContext(sc).registerJavaFunction("h", "com.example.H")  # error: [SPK504]


def register(context: SQLContext):
    context.registerJavaFunction("f", "com.example.F")  # error: [SPK504]


spark = SparkSession.builder.getOrCreate()
spark.udf.registerJavaFunction("parse_ua", "com.example.ParseUserAgent", "string")  # ok: the session's registry


class Registry:
    def registerJavaFunction(self, name, cls):
        return name


Registry().registerJavaFunction("f", "x")  # ok: a local class
