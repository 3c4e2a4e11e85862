from pyspark.sql.types import DoubleType, StringType, StructField, StructType

SCHEMA = StructType([StructField("product", StringType()), StructField("price", DoubleType())])


def run(spark):
    catalog = spark.createDataFrame(
        [("espresso", 2.2), ("latte", 3.6), ("mocha", 4.1), ("tea", 1.9)], SCHEMA
    )
    catalog.createOrReplaceTempView("menu")
    pricey = spark.sql("SELECT product FROM menu WHERE price > 3 ORDER BY product")
    return [r.product for r in pricey.collect()]
