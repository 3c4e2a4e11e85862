from pyspark.sql import functions as F


def parse(line):
    sensor, ts, value = line.split(",")
    return sensor, int(ts), float(value)


def run(spark):
    raw = [
        "s1,1000,21.5", "s2,1000,19.0", "s1,1060,22.1", "s3,1000,-999.0",
        "s2,1060,19.4", "s1,1120,22.8", "s3,1060,18.2", "s2,1120,-999.0",
    ]
    readings = spark.createDataFrame([parse(l) for l in raw], ["sensor", "ts", "value"]).filter("value > -100")
    st = readings.agg(
        F.count("value"), F.avg("value"), F.max("value"), F.min("value"), F.stddev_pop("value")
    ).first()
    return (st[0], round(st[1], 4), st[2], st[3], round(st[4], 4))
