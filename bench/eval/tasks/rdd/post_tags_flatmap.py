def run(spark):
    posts = spark.createDataFrame(
        [(1, "spark|python|etl"), (2, "python"), (3, "sql|spark"), (4, "")],
        ["post_id", "tags"],
    )
    pairs = posts.rdd.flatMap(lambda r: [(r.post_id, t) for t in r.tags.split("|") if t])
    return sorted(pairs.collect())
