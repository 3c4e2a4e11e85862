"""Legacy job: code that looks at partitions (glom, mapPartitionsWithIndex, zipWithIndex).

Usage: partitions.py
"""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("partitions").getOrCreate()
sc = spark.sparkContext

rdd = sc.parallelize(range(10), 3)
print(rdd.getNumPartitions(), rdd.glom().collect())
print(rdd.mapPartitionsWithIndex(lambda index, it: [(index, sum(it))]).collect())
print(rdd.mapPartitions(lambda it: [max(it, default=None)]).collect())
letters = sc.parallelize(["a", "b", "c", "d", "e"], 2)
print(letters.zipWithIndex().collect())
print(letters.zipWithUniqueId().collect())
print(sc.range(0, 10, 3).collect(), sc.range(5).getNumPartitions())
print(sc.parallelize(range(6)).glom().collect())
print(sc.parallelize([0, 2, 3, 4, 6], 5).glom().collect())
print(rdd.repartition(2).getNumPartitions(), rdd.coalesce(1).glom().collect())
pairs = sc.parallelize([(k, k * k) for k in range(8)]).partitionBy(3, lambda k: k % 3)
print(pairs.glom().map(sorted).collect())
cached = rdd.map(lambda x: x * 10).cache()
print(cached.getStorageLevel(), cached.sum(), cached.max(), cached.min())
