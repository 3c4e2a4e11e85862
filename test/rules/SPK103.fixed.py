# Fixture for SPK103 (SparkContext.emptyRDD).
from pyspark import SparkContext
from pyspark.sql import SparkSession
from pyspark.sql.types import StringType, StructField, StructType

spark = SparkSession.builder.getOrCreate()
schema = StructType([StructField("name", StringType())])
empty = spark.createDataFrame([], schema)  # error: [SPK103]
sc = SparkContext.getOrCreate()
nothing = sc.emptyRDD()  # error: [SPK103]


def empty_frame(session: SparkSession, schema):
    return session.createDataFrame([], schema)  # error: [SPK103]


fine = spark.createDataFrame([], schema)  # ok


class Store:
    def emptyRDD(self):
        return []


Store().emptyRDD()  # ok: a local class
