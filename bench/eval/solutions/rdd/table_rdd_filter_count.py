def run(spark):
    spark.createDataFrame(
        [
            ("10.0.0.1", "GET", "/index.html", 200),
            ("10.0.0.2", "GET", "/missing", 404),
            ("10.0.0.1", "POST", "/login", 302),
            ("10.0.0.3", "GET", "/admin", 403),
            ("10.0.0.2", "GET", "/index.html", 200),
            ("10.0.0.4", "GET", "/old", 404),
        ],
        ["ip", "method", "path", "status"],
    ).createOrReplaceTempView("access_log")
    log_df = spark.table("access_log")
    errors = log_df.filter(log_df.status >= 400).count()
    gets = log_df.filter(log_df.method == "GET").count()
    return {"errors": errors, "gets": gets}
