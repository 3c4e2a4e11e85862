def run(spark):
    logs = spark.createDataFrame(
        [("/", 200), ("/login", 302), ("/x", 404), ("/", 200), ("/api", 500), ("/y", 404), ("/", 200)],
        ["path", "status"],
    )
    counts = logs.rdd.map(lambda r: (r.status, r.path)).countByKey()
    return {str(k): v for k, v in counts.items()}
