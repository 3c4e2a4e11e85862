# corpus: style=control
# corpus: expect=clean
"""A job module already written for Spark Connect: DataFrame API only, session from the builder."""
import argparse
import logging
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

log = logging.getLogger("region_report")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
CONFIG = {"app_name": "region-report", "top": 3}


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=CONFIG["top"])
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName(CONFIG["app_name"]).getOrCreate()
    orders = spark.read.csv(os.path.join(DATA, "b_orders.csv"), header=True, inferSchema=True)
    if orders.isEmpty():
        print("no orders")
        return
    shipped = orders.filter(F.col("status") == "shipped")
    report = shipped.groupBy("region").agg(F.count("*").alias("orders"), F.round(F.sum("amount"), 2).alias("revenue"))
    report.orderBy(F.desc("revenue"), "region").limit(args.top).show()
    customers = [r.customer for r in shipped.select("customer").distinct().orderBy("customer").collect()]
    print("customers:", customers)
    as_json = shipped.orderBy("order_id").select(F.to_json(F.struct("order_id", "amount")).alias("j")).first().j
    print("first shipped:", as_json)
    log.info("done")


if __name__ == "__main__":
    main()
