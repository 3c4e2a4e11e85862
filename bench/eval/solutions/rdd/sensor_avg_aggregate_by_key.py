from pyspark.sql import functions as F


def run(spark):
    readings = spark.createDataFrame(
        [("boiler", 71.2), ("boiler", 73.8), ("chiller", 6.1), ("boiler", 70.4), ("chiller", 5.7), ("pump", 40.0)],
        ["device", "temp_c"],
    )
    sums = readings.groupBy("device").agg(F.sum("temp_c").alias("s"), F.count("temp_c").alias("n"))
    return sorted((r.device, round(r.s / r.n, 3)) for r in sums.collect())
