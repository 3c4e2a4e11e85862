import pandas as pd
from pyspark.sql import functions as F


def partition_bytes(batches):
    total = 0
    for pdf in batches:
        total += int(pdf.loc[pdf.status == 200, "bytes_sent"].sum())
    yield pd.DataFrame({"bytes": [total]})


def run(spark):
    requests = spark.createDataFrame(
        [("GET /a", 200, 5120), ("GET /b", 404, 300), ("GET /c", 200, 10240),
         ("POST /d", 500, 0), ("GET /e", 200, 2048), ("GET /f", 304, 0)],
        ["request", "status", "bytes_sent"],
    )
    per_partition = requests.mapInPandas(partition_bytes, "bytes long")
    return per_partition.agg(F.sum("bytes")).first()[0]
