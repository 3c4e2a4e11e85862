from pyspark.sql import functions as F


def run(spark):
    lines = [
        "the quick brown fox",
        "jumps over the lazy dog",
        "the dog sleeps",
    ]
    df = spark.createDataFrame([(line,) for line in lines], ["line"])
    words = df.select(F.explode(F.split("line", " ")).alias("word"))
    counts = words.groupBy("word").count()
    return sorted((row.word, row["count"]) for row in counts.collect())
