# corpus: style=multi-module
# corpus: expect=migrates
"""Order checks: checks.py receives the frames as parameters and never imports pyspark."""
import os

from pyspark.sql import SparkSession

from checks import export_lines, order_ids, require_rows

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")


def main():
    spark = SparkSession.builder.appName("order-checks").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    orders = spark.read.csv(os.path.join(DATA, "b_orders.csv"), header=True, inferSchema=True)
    pending = orders.filter("status = 'pending'").orderBy("order_id")
    require_rows(pending, "pending")
    print("pending ids:", order_ids(pending))
    for line in export_lines(pending.select("order_id", "customer", "amount")):
        print(line)


if __name__ == "__main__":
    main()
