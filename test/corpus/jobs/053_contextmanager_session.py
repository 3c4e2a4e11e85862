# corpus: style=job-module
# corpus: expect=migrates
"""Ledger checks run inside a @contextmanager that owns the session."""
import logging
from contextlib import contextmanager

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

log = logging.getLogger("ledger")


@contextmanager
def spark_session(app_name):
    spark = SparkSession.builder.appName(app_name).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield spark
    finally:
        spark.stop()


def check_ledger(spark):
    sc = spark.sparkContext
    ids = sc.range(0, 50, 5)
    print("sampled ids:", ids.count())
    entries = spark.createDataFrame(
        [(1, "debit", 40.0), (2, "credit", 40.0), (3, "debit", 12.5), (4, "credit", 10.0)],
        ["entry", "kind", "amount"],
    )
    balance = entries.groupBy().agg(
        F.sum(F.when(F.col("kind") == "credit", F.col("amount")).otherwise(-F.col("amount"))).alias("balance")
    )
    print("balance:", balance.rdd.first()["balance"])
    largest = entries.orderBy(F.desc("amount"), "entry").rdd.take(2)
    print("largest:", [(r.entry, r.amount) for r in largest])
    debits = entries.filter("kind = 'debit'").orderBy("entry")
    print("debit entries:", debits.rdd.collect())


def main():
    with spark_session("ledger-checks") as spark:
        check_ledger(spark)


if __name__ == "__main__":
    main()
