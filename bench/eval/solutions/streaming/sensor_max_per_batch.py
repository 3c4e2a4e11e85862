import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    batches = [
        ["t1:20.5", "t2:21.0", "t1:22.25"],
        ["t2:19.75", "t1:18.0"],
        ["t1:25.5", "t2:24.0", "t2:26.5"],
    ]
    base = tempfile.mkdtemp()
    inbox = os.path.join(base, "in")
    os.makedirs(inbox)
    for i, lines in enumerate(batches):
        with open(os.path.join(inbox, f"batch-{i}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    parts = F.split("value", ":")
    readings = spark.readStream.text(inbox).select(
        F.regexp_extract(F.input_file_name(), r"batch-(\d+)", 1).cast("int").alias("batch"),
        parts[0].alias("sensor"),
        parts[1].cast("double").alias("value"),
    )
    peaks = readings.groupBy("batch", "sensor").agg(F.max("value").alias("peak"))
    query = (
        peaks.writeStream.outputMode("complete").format("memory").queryName("sensor_peaks")
        .option("checkpointLocation", os.path.join(base, "chk"))
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    rows = spark.table("sensor_peaks").collect()
    results = []
    for b in range(len(batches)):
        results.append(sorted((r.sensor, r.peak) for r in rows if r.batch == b))
    return results
