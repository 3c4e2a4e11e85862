def run(spark):
    logs = spark.createDataFrame(
        [
            ("10.0.0.1", "GET", "/index.html", 200),
            ("10.0.0.2", "POST", "/api/login", 401),
            ("10.0.0.1", "GET", "/img/logo.png", 304),
            ("10.0.0.3", "GET", "/api/items?page=2", 200),
        ],
        ["ip", "method", "path", "status"],
    )
    errors = logs.filter(logs.status >= 400)
    sizes = logs.toJSON().map(lambda s: len(s.encode("utf-8"))).collect()
    return {"error_lines": errors.toJSON().take(5), "total_bytes": sum(sizes)}
