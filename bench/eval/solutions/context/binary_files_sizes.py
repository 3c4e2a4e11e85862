import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    folder = tempfile.mkdtemp()
    blobs = {"logo.png": b"\x89PNG\r\n" + b"\x00" * 40, "icon.png": b"\x89PNG\r\n" + b"\x01" * 12,
             "notes.txt": b"not an image"}
    for name, data in blobs.items():
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(data)
    images = spark.read.format("binaryFile").option("pathGlobFilter", "*.png").load(folder)
    info = images.select(F.col("_metadata.file_name").alias("name"), "length", "content").collect()
    return sorted((r.name, r.length, bytes(r.content[:4]) == b"\x89PNG") for r in info)
