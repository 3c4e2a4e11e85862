# corpus: style=job-module
# corpus: expect=migrates
"""Daily sales rollup, as scheduled by Airflow's SparkSubmitOperator."""
import argparse
import logging

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

logging.basicConfig(level=logging.WARNING)
log = logging.getLogger("daily_sales")

CONFIG = {
    "app_name": "daily-sales",
    "currency": "EUR",
    "min_amount": 10.0,
}

SALES = [
    ("2024-03-01", "north", 120.5),
    ("2024-03-01", "south", 35.0),
    ("2024-03-01", "north", 8.0),
    ("2024-03-02", "east", 64.0),
    ("2024-03-02", "north", 42.0),
    ("2024-03-02", "west", 310.1),
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--run-date", default="2024-03-02")
    parser.add_argument("--min-amount", type=float, default=CONFIG["min_amount"])
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    spark = SparkSession.builder.appName(CONFIG["app_name"]).getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    log.info("starting run for %s", args.run_date)

    sales = sc.parallelize(SALES).toDF(["day", "region", "amount"])
    big = sales.filter(F.col("amount") >= args.min_amount)
    today = big.filter(F.col("day") == args.run_date)
    if today.rdd.isEmpty():
        print("no sales on", args.run_date)
        return
    rollup = today.groupBy("region").agg(F.round(F.sum("amount"), 2).alias("total")).orderBy("region")
    print("run date:", args.run_date, "currency:", CONFIG["currency"])
    rollup.show(truncate=False)
    print("regions:", rollup.count())
    spark.stop()


if __name__ == "__main__":
    main()
