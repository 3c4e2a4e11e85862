import os
import tempfile

from pyspark.sql import functions as F

CONFIGS = {
    "billing.ini": "[billing]\nretries=3\ntimeout=30\n",
    "search.ini": "[search]\nreplicas=2\n",
    "auth.ini": "[auth]\nttl=3600\nissuer=corp\nrotate=true\n",
}


def run(spark):
    folder = tempfile.mkdtemp()
    for name, body in CONFIGS.items():
        with open(os.path.join(folder, name), "w") as fh:
            fh.write(body)
    files = spark.read.text(folder, wholetext=True).select(
        F.col("_metadata.file_name").alias("name"),
        (F.length("value") - F.length(F.regexp_replace("value", "=", ""))).alias("keys"),
    )
    return sorted((r.name, r.keys) for r in files.collect())
