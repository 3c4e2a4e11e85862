# corpus: style=tutorial
# corpus: expect=remains reason="SPK305 rdd.getNumPartitions has no exact DataFrame equivalent"
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("partitions").getOrCreate()

df = spark.range(0, 100)
print("after repartition(5):", df.repartition(5).rdd.getNumPartitions())
print("after coalesce(1):", df.coalesce(1).rdd.getNumPartitions())
