from pyspark.sql import functions as F


def as_json(df):
    return df.select(F.to_json(F.struct("*")).alias("value"))


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
    sizes = [len(row.value.encode("utf-8")) for row in as_json(logs).collect()]
    return {"error_lines": [row.value for row in as_json(errors).take(5)], "total_bytes": sum(sizes)}
