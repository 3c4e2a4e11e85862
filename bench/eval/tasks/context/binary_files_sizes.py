import os
import tempfile


def run(spark):
    folder = tempfile.mkdtemp()
    blobs = {"logo.png": b"\x89PNG\r\n" + b"\x00" * 40, "icon.png": b"\x89PNG\r\n" + b"\x01" * 12,
             "notes.txt": b"not an image"}
    for name, data in blobs.items():
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(data)
    images = spark.sparkContext.binaryFiles(os.path.join(folder, "*.png"))
    info = images.map(lambda kv: (os.path.basename(kv[0]), len(kv[1]), kv[1][:4] == b"\x89PNG"))
    return sorted(info.collect())
