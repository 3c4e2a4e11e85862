def run(spark):
    settings = spark.conf.getAll
    width = int(settings.get("spark.sql.shuffle.partitions", "200"))
    logs = spark.createDataFrame([("GET", 200), ("POST", 201), ("GET", 404), ("GET", 200)], ["method", "status"])
    grouped = logs.repartition(width).groupBy("method", "status").count()
    return width, sorted(tuple(r) for r in grouped.collect())
