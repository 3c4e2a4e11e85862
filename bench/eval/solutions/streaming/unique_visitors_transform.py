import os
import tempfile

from pyspark.sql import functions as F

CLICKS = [
    [("v1", "/home"), ("v2", "/home"), ("v1", "/cart")],
    [("v3", "/home"), ("v3", "/help"), ("v3", "/home")],
    [("v2", "/cart"), ("v4", "/home"), ("v1", "/home"), ("v4", "/pay")],
]


def run(spark):
    base = tempfile.mkdtemp()
    inbox = os.path.join(base, "in")
    os.makedirs(inbox)
    for i, batch in enumerate(CLICKS):
        with open(os.path.join(inbox, f"batch-{i}.csv"), "w") as f:
            f.write("".join(f"{v},{p}\n" for v, p in batch))
    clicks = spark.readStream.schema("visitor string, page string").csv(inbox).withColumn(
        "batch", F.regexp_extract(F.input_file_name(), r"batch-(\d+)", 1).cast("int")
    )
    pairs = clicks.groupBy("batch", "visitor").count()
    query = (
        pairs.writeStream.outputMode("complete").format("memory").queryName("visitor_batches")
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    per_batch = spark.table("visitor_batches").groupBy("batch").count().orderBy("batch").collect()
    return [r["count"] for r in per_batch]
