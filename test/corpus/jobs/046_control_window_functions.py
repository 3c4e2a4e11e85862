# corpus: style=control
# corpus: expect=clean
"""Already Connect-ready: running totals and ranks with window functions."""
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.window import Window

spark = SparkSession.builder.appName("window-functions").getOrCreate()
here = os.path.dirname(os.path.abspath(__file__))
sales = spark.read.csv(os.path.join(here, "..", "data", "sales.csv"), header=True, inferSchema=True)

by_day = Window.partitionBy("region").orderBy("day", "order_id").rowsBetween(Window.unboundedPreceding, 0)
running = sales.withColumn("running_qty", F.sum("quantity").over(by_day))
running.select("region", "day", "order_id", "running_qty").orderBy("region", "day", "order_id").show(20)

ranked = sales.withColumn("rank", F.dense_rank().over(Window.partitionBy("product").orderBy(F.desc("quantity"))))
print([tuple(r) for r in ranked.filter("rank = 1").select("product", "order_id").orderBy("product", "order_id").collect()])
