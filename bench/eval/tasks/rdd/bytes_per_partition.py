def partition_bytes(rows):
    yield sum(r.bytes_sent for r in rows if r.status == 200)


def run(spark):
    requests = spark.createDataFrame(
        [("GET /a", 200, 5120), ("GET /b", 404, 300), ("GET /c", 200, 10240),
         ("POST /d", 500, 0), ("GET /e", 200, 2048), ("GET /f", 304, 0)],
        ["request", "status", "bytes_sent"],
    )
    per_partition = requests.rdd.mapPartitions(partition_bytes)
    return per_partition.sum()
