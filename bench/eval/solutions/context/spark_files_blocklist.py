import os
import tempfile

from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType


def run(spark):
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "ip_blocklist_ctx.txt")
    with open(path, "w") as fh:
        fh.write("10.0.0.66\n192.168.1.13\n")
    with open(path) as fh:
        blocklist = {line.strip() for line in fh}

    def blocked(ip):
        return ip in blocklist

    hits = spark.createDataFrame([("10.0.0.1", "/"), ("10.0.0.66", "/admin"), ("192.168.1.13", "/login")], ["ip", "path"])
    flagged = hits.filter(F.udf(blocked, BooleanType())("ip"))
    return sorted((r.ip, r.path) for r in flagged.collect())
