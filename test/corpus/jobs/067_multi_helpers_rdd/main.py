# corpus: style=multi-module
# corpus: expect=migrates
"""Data-quality checks; helpers.py takes DataFrames as parameters and never imports pyspark."""
import os

from pyspark.sql import SparkSession

from helpers import distinct_values, first_column, has_rows

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")


def main():
    spark = SparkSession.builder.appName("dq-checks").getOrCreate()
    orders = spark.read.csv(os.path.join(DATA, "b_orders.csv"), header=True, inferSchema=True)
    shipped = orders.filter("status = 'shipped'").orderBy("order_id")
    print("has shipped:", has_rows(shipped))
    print("has refunds:", has_rows(orders.filter("status = 'refunded'")))
    print("shipped ids:", first_column(shipped))
    print("regions:", distinct_values(orders, "region"))


if __name__ == "__main__":
    main()
