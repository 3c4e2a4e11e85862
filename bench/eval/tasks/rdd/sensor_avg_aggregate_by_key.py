def run(spark):
    readings = spark.createDataFrame(
        [("boiler", 71.2), ("boiler", 73.8), ("chiller", 6.1), ("boiler", 70.4), ("chiller", 5.7), ("pump", 40.0)],
        ["device", "temp_c"],
    )
    sums = readings.rdd.map(lambda r: (r.device, r.temp_c)).aggregateByKey(
        (0.0, 0),
        lambda acc, v: (acc[0] + v, acc[1] + 1),
        lambda a, b: (a[0] + b[0], a[1] + b[1]),
    )
    averages = sums.mapValues(lambda s: round(s[0] / s[1], 3))
    return sorted(averages.collect())
