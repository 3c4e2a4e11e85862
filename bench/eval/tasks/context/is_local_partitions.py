from pyspark import SparkContext
from pyspark.sql import functions as F


def run(spark):
    sc = SparkContext.getOrCreate()
    local = sc._jsc.isLocal()
    parts = 2 if local else 64
    readings = spark.createDataFrame(
        [("m1", 230.1), ("m2", 229.4), ("m1", 231.0), ("m3", 228.8), ("m2", 230.0)], ["meter", "volts"]
    ).repartition(parts)
    avg = readings.groupBy("meter").agg(F.round(F.avg("volts"), 2).alias("volts"))
    return local, parts, sorted(tuple(r) for r in avg.collect())
