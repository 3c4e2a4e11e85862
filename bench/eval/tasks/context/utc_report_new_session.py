EVENTS = [("checkout", 1700000000), ("refund", 1700003600), ("checkout", 1700090000)]


def utc_session(spark):
    session = spark.newSession()
    session.conf.set("spark.sql.session.timeZone", "UTC")
    return session


def run(spark):
    utc = utc_session(spark)
    df = utc.createDataFrame(EVENTS, ["event", "epoch"])
    df.createOrReplaceTempView("events_utc")
    rows = utc.sql(
        "SELECT event, from_unixtime(epoch, 'yyyy-MM-dd HH:mm') AS ts FROM events_utc ORDER BY epoch"
    ).collect()
    return [(r.event, r.ts) for r in rows]
