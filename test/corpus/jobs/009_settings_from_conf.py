# corpus: style=job-module
# corpus: expect=remains reason="SPK112 getConf() kept in a variable and read later: conf-get only rewrites sc.getConf().get(k) written as one expression"
"""Nightly aggregation job: reads its settings from the Spark conf (spark-submit --conf ...)."""
import logging
import os

from pyspark.sql import SparkSession, functions as F

log = logging.getLogger("nightly_sales")

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "sales.csv")


def settings(spark):
    conf = spark.sparkContext.getConf()
    return {
        "env": conf.get("spark.nightly.env", "dev"),
        "min_quantity": int(conf.get("spark.nightly.min_quantity", "2")),
        "partitions": conf.get("spark.sql.shuffle.partitions"),
    }


def main():
    spark = SparkSession.builder.appName("nightly-sales").getOrCreate()
    log.info("starting %s", spark.sparkContext.appName)
    cfg = settings(spark)
    print("settings:", sorted(cfg.items()))
    sales = spark.read.csv(DATA, header=True, inferSchema=True)
    big = sales.filter(F.col("quantity") >= cfg["min_quantity"])
    summary = (big.withColumn("revenue", F.col("quantity") * F.col("unit_price"))
               .groupBy("region").agg(F.round(F.sum("revenue"), 2).alias("revenue"))
               .orderBy("region"))
    summary.show()
    print("orders kept:", big.count(), "of", sales.count())


if __name__ == "__main__":
    main()
