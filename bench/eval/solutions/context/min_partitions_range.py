def run(spark):
    slices = 2
    ids = spark.range(0, 500, numPartitions=slices)
    buckets = ids.selectExpr("id % 5 AS bucket").groupBy("bucket").count()
    return sorted(tuple(r) for r in buckets.collect())
