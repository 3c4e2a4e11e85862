def run(spark):
    logs = spark.createDataFrame(
        [("/", 200), ("/login", 302), ("/x", 404), ("/", 200), ("/api", 500), ("/y", 404), ("/", 200)],
        ["path", "status"],
    )
    counts = {r[0]: r[1] for r in logs.groupBy("status").count().collect()}
    return {str(k): v for k, v in counts.items()}
