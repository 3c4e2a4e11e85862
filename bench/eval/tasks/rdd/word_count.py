from operator import add


def run(spark):
    lines = [
        "the quick brown fox",
        "jumps over the lazy dog",
        "the dog sleeps",
    ]
    rdd = spark.sparkContext.parallelize(lines)
    counts = rdd.flatMap(lambda line: line.split(" ")).map(lambda w: (w, 1)).reduceByKey(add)
    return sorted(counts.collect())
