def run(spark):
    raw = spark.createDataFrame(
        [("u1", "2024-01-01", "login"), ("u1", "2024-01-01", "login"), ("u2", "2024-01-02", "purchase"),
         ("u3", "2024-01-02", "login")],
        ["user_id", "day", "action"],
    )
    raw.createOrReplaceTempView("events")
    before = spark.sql("SELECT COUNT(*) AS n FROM events")

    deduped = spark.sql("SELECT DISTINCT * FROM events")
    deduped.createOrReplaceTempView("events_clean")
    logins = spark.sql("SELECT user_id FROM events_clean WHERE action = 'login'")
    logins.createOrReplaceTempView("login_events")
    after = spark.sql("SELECT COUNT(*) AS n FROM login_events")
    return before.first().n, after.first().n
