# corpus: style=job-module
# corpus: expect=migrates
"""Optional-table loader with the Py4J error handling that old jobs used."""
import logging

from py4j.protocol import Py4JJavaError
from pyspark.sql import SparkSession

log = logging.getLogger("optional_tables")

TABLES = ["b058_customers", "b058_orders"]


def load_or_default(spark, name):
    try:
        frame = spark.table(name)
        count = frame.count()
    except Py4JJavaError as err:
        log.warning("could not read %s: %s", name, err)
        count = -1
    return count


def main():
    spark = SparkSession.builder.appName("optional-tables").getOrCreate()
    spark.createDataFrame([(1, "a"), (2, "b")], ["id", "name"]).createOrReplaceTempView("b058_customers")
    spark.createDataFrame([(10, 1)], ["order_id", "customer_id"]).createOrReplaceTempView("b058_orders")
    for name in TABLES:
        print(name, load_or_default(spark, name))


if __name__ == "__main__":
    main()
