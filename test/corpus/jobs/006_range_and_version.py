# corpus: style=tutorial
# corpus: expect=migrates
import sys

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("range-demo").getOrCreate()
sc = spark.sparkContext

print("Spark major version:", sc.version.split(".")[0])
print("Python:", sc.pythonVer == "%d.%d" % sys.version_info[:2])

numbers = sc.range(0, 1000, 7)
print("multiples of 7 below 1000:", numbers.count())

evens = spark.range(0, 100).filter("id % 2 = 0")
print("even numbers below 100:", evens.count())
spark.stop()
