from pyspark.sql import functions as F


def get_logger(spark, name):
    sc = spark.sparkContext
    return sc._jvm.org.apache.log4j.LogManager.getLogger(name)


def run(spark):
    logger = get_logger(spark, "sensors.quality")
    readings = spark.createDataFrame(
        [("pump-1", 3.2), ("pump-1", None), ("pump-2", 2.9), ("pump-3", None), ("pump-2", 3.1)],
        ["device", "pressure"],
    )
    missing = readings.filter(F.col("pressure").isNull()).count()
    logger.info("missing readings: %d" % missing)
    clean = readings.dropna().groupBy("device").agg(F.round(F.avg("pressure"), 2).alias("avg_pressure"))
    return missing, sorted(tuple(r) for r in clean.collect())
