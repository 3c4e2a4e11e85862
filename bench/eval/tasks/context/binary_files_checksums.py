import hashlib
import os
import tempfile


def checksum(pair):
    path, data = pair
    return os.path.basename(path), hashlib.md5(data).hexdigest()[:8]


def run(spark):
    folder = tempfile.mkdtemp()
    for i, payload in enumerate([b"firmware-v1", b"firmware-v2-beta", b"firmware-v1"]):
        with open(os.path.join(folder, f"fw_{i}.bin"), "wb") as fh:
            fh.write(payload)
    sc = spark.sparkContext
    sums = sc.binaryFiles(folder).map(checksum)
    return sorted(sums.collect())
