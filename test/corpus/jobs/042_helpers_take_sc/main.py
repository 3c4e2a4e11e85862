# corpus: style=multi-module
# corpus: expect=remains reason="SPK101 parallelize followed by RDD filter/map in a helper that receives sc: needs a DataFrame rewrite by hand"
from pyspark.sql import SparkSession

import numbers_util

spark = SparkSession.builder.appName("helpers-take-sc").getOrCreate()
sc = spark.sparkContext

squares = numbers_util.odd_squares(sc, 20)
print("odd squares:", squares)
frame = numbers_util.as_frame(spark, squares)
frame.orderBy("n").show()
