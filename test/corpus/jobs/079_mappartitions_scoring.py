# corpus: style=job-module
# corpus: expect=remains reason="SPK307 mapPartitions scoring with a per-partition model needs mapInPandas"
"""Scores leads partition by partition so the (pretend) model loads once per partition."""
from pyspark.sql import SparkSession

WEIGHTS = {"visits": 0.5, "downloads": 2.0}


def load_model():
    return dict(WEIGHTS)


def score_partition(rows):
    model = load_model()
    for row in rows:
        score = row.visits * model["visits"] + row.downloads * model["downloads"]
        yield (row.lead, round(score, 2))


def main():
    spark = SparkSession.builder.appName("lead-scoring").getOrCreate()
    leads = spark.createDataFrame(
        [("acme", 10, 1), ("globex", 2, 4), ("initech", 0, 0), ("umbrella", 7, 2)], ["lead", "visits", "downloads"]
    )
    scored = leads.rdd.mapPartitions(score_partition).toDF(["lead", "score"])
    scored.orderBy("score", ascending=False).show()


if __name__ == "__main__":
    main()
