import os
import tempfile

from pyspark.sql import functions as F

BATCHES = [
    ["error disk full", "info started"],
    ["error timeout", "warn slow disk"],
    ["info stopped", "error disk full"],
]


def run(spark):
    base = tempfile.mkdtemp()
    inbox = os.path.join(base, "in")
    os.makedirs(inbox)
    for i, lines in enumerate(BATCHES):
        with open(os.path.join(inbox, f"batch-{i}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    lines = spark.readStream.option("maxFilesPerTrigger", 1).text(inbox)
    counts = lines.select(F.explode(F.split("value", " ")).alias("word")).groupBy("word").count()
    query = (
        counts.writeStream.outputMode("complete").format("memory").queryName("queue_word_counts")
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    totals = spark.table("queue_word_counts").collect()
    return sorted((r.word, r["count"]) for r in totals)
