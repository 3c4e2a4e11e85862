# sparkmigrate-test: platform=databricks
# Fixture for SPK903 (DataFrame.display outside notebooks).
from pyspark.sql import SparkSession, DataFrame

spark = SparkSession.builder.getOrCreate()
orders = spark.table("main.sales.orders")
orders.show()  # error: [SPK903]
orders.groupBy("day").count().show()  # error: [SPK903]


def preview(df: DataFrame):
    df.limit(10).show()  # error: [SPK903]


orders.show()  # ok


class Chart:
    def display(self):
        return None


Chart().display()  # ok: a local class
