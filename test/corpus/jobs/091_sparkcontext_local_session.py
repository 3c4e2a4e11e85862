# corpus: style=job-module
# corpus: expect=remains reason="SPK001: sc is still passed to run(spark, sc) after every use inside run was rewritten to the session"
"""Order-sequence job that builds its own SparkContext and wraps it in a SparkSession."""
import logging

from pyspark import SparkContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

logging.basicConfig(level=logging.WARNING)
LOG = logging.getLogger("order_sequence")


def run(spark, sc):
    expected = sc.range(1001, 1011).count()
    orders = sc.parallelize([(1001 + i, "open" if i % 3 else "closed") for i in range(8)]).toDF(["order_id", "state"])
    print("expected:", expected, "received:", orders.count())
    missing = spark.range(1001, 1011).toDF("order_id").join(orders, "order_id", "left_anti")
    print("missing:", sorted(r.order_id for r in missing.collect()))
    orders.groupBy("state").agg(F.count("*").alias("n")).orderBy("state").show()


def main():
    sc = SparkContext("local[2]", "order-sequence")
    spark = SparkSession(sc)
    LOG.info("spark %s", spark.version)
    run(spark, sc)
    spark.stop()


if __name__ == "__main__":
    main()
