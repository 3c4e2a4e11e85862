def run(spark):
    visitors = spark.createDataFrame(
        [("v1", "BR"), ("v2", "AR"), ("v3", "BR"), ("v4", "CL"), ("v5", "AR")],
        ["visitor_id", "country"],
    )
    countries = visitors.select("country").distinct().rdd.flatMap(lambda x: x).collect()
    return sorted(countries)
