from pyspark.sql import Row


def to_rows(records):
    return [Row(**d) for d in records]


def run(spark):
    records = [
        {"sensor": "boiler-1", "temp": 81.2, "ok": True},
        {"sensor": "boiler-2", "temp": 97.6, "ok": False},
        {"sensor": "chiller-1", "temp": 6.4, "ok": True},
    ]
    df = spark.createDataFrame(to_rows(records))
    alerts = df.filter(~df.ok).select("sensor", "temp").collect()
    return [(r.sensor, r.temp) for r in alerts], df.count()
