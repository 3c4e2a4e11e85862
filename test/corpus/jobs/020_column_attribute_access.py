# corpus: style=tutorial
# corpus: expect=migrates
# corpus: args="--select ALL"
# Column access the tutorial way: df.colname everywhere.
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("attribute-columns").getOrCreate()

here = os.path.dirname(os.path.abspath(__file__))
sales = spark.read.csv(os.path.join(here, "..", "data", "sales.csv"), header=True, inferSchema=True)

big = sales.filter(sales.quantity > 2).select(sales.order_id, sales.region, sales.quantity)
big.orderBy(big.order_id).show()

revenue = sales.withColumn("revenue", sales.quantity * sales.unit_price)
(revenue.groupBy(revenue.product)
    .agg(F.round(F.sum(revenue.revenue), 2).alias("revenue"))
    .orderBy(F.col("revenue").desc())
    .show())
