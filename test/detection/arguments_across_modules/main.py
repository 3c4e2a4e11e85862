# The caller: it imports pyspark and passes frames (and other things) to the
# functions of checks.py, which never imports pyspark.
from pyspark.sql import SparkSession

import checks
from checks import describe, export_lines, preview, require_rows


class Report:
    def toJSON(self):
        return "{}"


def main():
    spark = SparkSession.builder.getOrCreate()
    orders = spark.range(10).withColumnRenamed("id", "order_id")
    require_rows(orders, "orders")
    print(export_lines(orders.filter("order_id > 3")))
    print(preview(frame=orders.limit(2)))
    checks.window(orders, 3)
    describe(orders)
    describe(Report())
