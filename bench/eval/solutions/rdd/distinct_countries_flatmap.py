def run(spark):
    visitors = spark.createDataFrame(
        [("v1", "BR"), ("v2", "AR"), ("v3", "BR"), ("v4", "CL"), ("v5", "AR")],
        ["visitor_id", "country"],
    )
    countries = [v for r in visitors.select("country").distinct().collect() for v in r]
    return sorted(countries)
