import os
import tempfile


def run(spark):
    sc = spark.sparkContext
    out = os.path.join(tempfile.mkdtemp(), "counts")
    reviews = ["great product great price", "bad packaging", "great support", "price too high"]
    counts = (
        sc.parallelize(reviews)
        .flatMap(lambda s: s.split())
        .map(lambda w: (w, 1))
        .reduceByKey(lambda a, b: a + b)
    )
    counts.map(lambda kv: f"{kv[0]}\t{kv[1]}").saveAsTextFile(out)
    lines = spark.read.text(out).collect()
    return sorted(r.value for r in lines)
