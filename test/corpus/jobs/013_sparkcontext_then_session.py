# corpus: style=tutorial
# corpus: expect=remains reason="SPK120 sc.stop() keeps the SparkContext (and SPK001 its spark.sparkContext handle): replace it with spark.stop() by hand"
# Old-style start-up: a SparkContext first, then a SparkSession wrapped around it.
from pyspark import SparkContext
from pyspark.sql import SparkSession

sc = SparkContext("local", "legacy-startup")
spark = SparkSession(sc)

df = spark.createDataFrame([("apple", 3), ("pear", 5), ("plum", 2), ("apple", 4)], ["fruit", "qty"])
df.groupBy("fruit").sum("qty").orderBy("fruit").show()
print(df.filter("qty > 2").count())
sc.stop()
