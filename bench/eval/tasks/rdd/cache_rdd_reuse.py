def run(spark):
    trips = spark.createDataFrame(
        [("t1", "yellow", 3.2, 14.5), ("t2", "green", 1.1, 6.0), ("t3", "yellow", 8.4, 31.0),
         ("t4", "yellow", 0.0, 3.0), ("t5", "green", 5.5, 19.75)],
        ["trip_id", "cab", "miles", "fare"],
    )
    cached = trips.rdd.cache()
    total = cached.count()
    first = cached.first()
    cached.unpersist()
    return total, first.trip_id
