# sparkmigrate-test: platform=databricks
# Fixture for SPK905 (Java UDF registration).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.udf.registerJavaFunction("parse_ua", "com.example.udf.ParseUserAgent", "string")  # error: [SPK905]
spark.udf.registerJavaUDAF("median", "com.example.udf.Median")  # error: [SPK905]


class Loader:
    def __init__(self, session: SparkSession):
        self.spark = session

    def register(self):
        self.spark.udf.registerJavaFunction("geo", "com.example.Geo")  # error: [SPK905]


spark.udf.register("to_upper", lambda s: s.upper(), "string")  # ok: a Python UDF


class JavaRegistry:
    def registerJavaFunction(self, name, cls):
        return name


class Plugin:
    def __init__(self):
        self.udf = JavaRegistry()


Plugin().udf.registerJavaFunction("f", "com.example.F")  # ok: a local class
