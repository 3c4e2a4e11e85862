# corpus: style=tutorial
# corpus: expect=remains reason="SPK007 builder .master('local[*]'): the script may be meant to run locally, so the fix leaves it to a person"
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.window import Window

spark = SparkSession.builder \
    .master("local[*]") \
    .appName("SparkByExamples.com") \
    .getOrCreate()

here = os.path.dirname(os.path.abspath(__file__))
sales = spark.read.option("header", True).option("inferSchema", True).csv(os.path.join(here, "..", "data", "sales.csv"))

w = Window.partitionBy("region").orderBy(F.col("quantity").desc(), "order_id")
ranked = sales.withColumn("rank", F.row_number().over(w)).filter("rank = 1")
ranked.select("region", "order_id", "product", "quantity").orderBy("region").show()
