from pyspark.sql import functions as F


def run(spark):
    posts = spark.createDataFrame(
        [(1, "spark|python|etl"), (2, "python"), (3, "sql|spark"), (4, "")],
        ["post_id", "tags"],
    )
    pairs = posts.select("post_id", F.explode(F.split("tags", r"\|")).alias("tag")).filter(F.col("tag") != "")
    return sorted((r.post_id, r.tag) for r in pairs.collect())
