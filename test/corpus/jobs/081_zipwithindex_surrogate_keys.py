# corpus: style=job-module
# corpus: expect=remains reason="SPK308 zipWithIndex surrogate keys need row_number() over an ordered window (SPK310 for the toDF that follows)"
"""Assigns surrogate keys to a product dimension with zipWithIndex."""
import logging

from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

log = logging.getLogger("surrogate_keys")

SCHEMA = StructType([
    StructField("product_key", LongType()),
    StructField("sku", StringType()),
    StructField("name", StringType()),
])


def with_keys(spark, products, offset):
    keyed = products.orderBy("sku").rdd.zipWithIndex().map(lambda p: (p[1] + offset, p[0].sku, p[0].name))
    return spark.createDataFrame(keyed, SCHEMA)


def main():
    spark = SparkSession.builder.appName("product-dim").getOrCreate()
    products = spark.createDataFrame([("B-2", "bolt"), ("A-1", "anchor"), ("C-9", "clamp")], ["sku", "name"])
    dim = with_keys(spark, products, offset=1000)
    dim.orderBy("product_key").show()


if __name__ == "__main__":
    main()
