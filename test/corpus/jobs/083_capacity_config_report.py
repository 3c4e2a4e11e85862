# corpus: style=job-module
# corpus: expect=migrates
"""Capacity report: logs the relevant settings, then spreads the orders over more partitions."""
import logging
import os
import tempfile

from pyspark.sql import SparkSession

log = logging.getLogger("capacity")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
SETTINGS = ["spark.sql.shuffle.partitions"]


def main():
    spark = SparkSession.builder.appName("capacity-report").getOrCreate()
    sc = spark.sparkContext
    for key in SETTINGS:
        print(key, "=", sc.getConf().get(key))
    memory = sc.getConf().get("spark.executor.memory") or "default"
    print("executor memory:", memory)
    orders = spark.read.csv(os.path.join(DATA, "b_orders.csv"), header=True, inferSchema=True)
    spread = orders.rdd.repartition(3)
    print("rows after repartition:", spread.count())
    out = os.path.join(tempfile.mkdtemp(), "orders")
    orders.repartition(2, "region").write.parquet(out)
    print("written rows:", spark.read.parquet(out).count())


if __name__ == "__main__":
    main()
