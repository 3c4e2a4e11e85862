import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "orders.txt")
    with open(path, "w") as fh:
        fh.write("A-1|books|12;A-2|games|60;A-3|books|8;A-4|music|15")
    records = spark.read.text(path, lineSep=";").select(F.split("value", r"\|").alias("p"))
    totals = records.groupBy(F.col("p")[1].alias("category")).agg(F.sum(F.col("p")[2].cast("long")).alias("qty"))
    return sorted((r.category, r.qty) for r in totals.collect())
