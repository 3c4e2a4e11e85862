# corpus: style=job-module
# corpus: expect=remains reason="SPK305 getNumPartitions has no Connect equivalent; the partition report needs a person"
"""Repartitions the orders file before writing and reports the partition counts."""
import logging
import os
import tempfile

from pyspark.sql import SparkSession

log = logging.getLogger("repartition")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def main():
    spark = SparkSession.builder.appName("repartition-orders").getOrCreate()
    orders = spark.read.csv(os.path.join(DATA, "b_orders.csv"), header=True, inferSchema=True)
    spread = orders.rdd.repartition(3)
    print("rows after repartition:", spread.count())
    by_region = orders.repartition(2, "region")
    print("partitions by region:", by_region.rdd.getNumPartitions())
    out = os.path.join(tempfile.mkdtemp(), "orders")
    by_region.write.parquet(out)
    print("written rows:", spark.read.parquet(out).count())


if __name__ == "__main__":
    main()
