def parse(line):
    sensor, ts, value = line.split(",")
    return sensor, int(ts), float(value)


def run(spark):
    sc = spark.sparkContext
    raw = [
        "s1,1000,21.5", "s2,1000,19.0", "s1,1060,22.1", "s3,1000,-999.0",
        "s2,1060,19.4", "s1,1120,22.8", "s3,1060,18.2", "s2,1120,-999.0",
    ]
    readings = sc.parallelize(raw).map(parse).filter(lambda r: r[2] > -100)
    values = readings.map(lambda r: r[2])
    st = values.stats()
    return (st.count(), round(st.mean(), 4), st.max(), st.min(), round(st.stdev(), 4))
