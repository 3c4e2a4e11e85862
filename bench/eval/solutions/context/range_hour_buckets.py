def run(spark):
    hours = spark.range(0, 24, 1, 4).toDF("hour")
    traffic = spark.createDataFrame([(8, 120), (9, 340), (13, 210), (18, 400)], ["hour", "visits"])
    filled = hours.join(traffic, "hour", "left").fillna(0, ["visits"])
    peak = filled.orderBy(filled.visits.desc()).first()
    return filled.count(), filled.filter("visits = 0").count(), (peak.hour, peak.visits)
