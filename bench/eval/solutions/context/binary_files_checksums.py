import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    folder = tempfile.mkdtemp()
    for i, payload in enumerate([b"firmware-v1", b"firmware-v2-beta", b"firmware-v1"]):
        with open(os.path.join(folder, f"fw_{i}.bin"), "wb") as fh:
            fh.write(payload)
    sums = spark.read.format("binaryFile").load(folder).select(
        F.col("_metadata.file_name").alias("name"), F.substring(F.md5("content"), 1, 8).alias("md5")
    )
    return sorted((r.name, r.md5) for r in sums.collect())
