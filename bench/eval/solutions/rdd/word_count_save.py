import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "counts")
    reviews = ["great product great price", "bad packaging", "great support", "price too high"]
    words = spark.createDataFrame([(s,) for s in reviews], ["text"]).select(
        F.explode(F.split("text", " ")).alias("word")
    )
    counts = words.groupBy("word").count()
    counts.select(F.concat_ws("\t", "word", F.col("count").cast("string")).alias("value")).write.text(out)
    lines = spark.read.text(out).collect()
    return sorted(r.value for r in lines)
