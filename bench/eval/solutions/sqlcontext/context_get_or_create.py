def run(spark):
    ids = spark.range(1, 21)
    buckets = ids.selectExpr("id % 3 AS bucket", "id").groupBy("bucket").sum("id").orderBy("bucket")
    return [tuple(r) for r in buckets.collect()]
