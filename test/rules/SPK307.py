# Fixture for SPK307 (df.rdd.mapPartitions).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")


def enrich(rows):
    for row in rows:
        yield (row.id, row.amount * 1.2)


gross = df.rdd.mapPartitions(enrich).toDF(["id", "gross"])  # error: [SPK307]
indexed = df.rdd.mapPartitionsWithIndex(lambda i, rows: ((i, r.id) for r in rows))  # error: [SPK307]


def per_partition(frame: DataFrame, fn):
    return frame.rdd.mapPartitions(fn)  # error: [SPK307]


# Clean.
def enrich_pdf(batches):
    for pdf in batches:
        yield pdf.assign(gross=pdf.amount * 1.2)[["id", "gross"]]


gross = df.mapInPandas(enrich_pdf, "id long, gross double")  # ok


class Pool:
    def __init__(self):
        self.rdd = self

    def mapPartitions(self, fn):
        return fn


Pool().rdd.mapPartitions(enrich)  # ok: a local class
