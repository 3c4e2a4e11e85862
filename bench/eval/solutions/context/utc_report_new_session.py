EVENTS = [("checkout", 1700000000), ("refund", 1700003600), ("checkout", 1700090000)]


def run(spark):
    previous = spark.conf.get("spark.sql.session.timeZone")
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    try:
        df = spark.createDataFrame(EVENTS, ["event", "epoch"])
        df.createOrReplaceTempView("events_utc")
        rows = spark.sql(
            "SELECT event, from_unixtime(epoch, 'yyyy-MM-dd HH:mm') AS ts FROM events_utc ORDER BY epoch"
        ).collect()
    finally:
        spark.conf.set("spark.sql.session.timeZone", previous)
    return [(r.event, r.ts) for r in rows]
