"""Legacy job: random samples of RDDs with a seed (sample, takeSample, randomSplit,
sampleByKey), which classic Spark draws per partition.

Usage: sampling.py
"""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("sampling").getOrCreate()
sc = spark.sparkContext

numbers = sc.parallelize(range(100), 4)
print(numbers.sample(False, 0.1, 42).collect())
print(numbers.sample(True, 0.2, 7).collect())
print(numbers.takeSample(False, 5, 1), numbers.takeSample(True, 8, 3))
everything = numbers.takeSample(False, 200, 5)
print(everything == sorted(numbers.collect()), everything[:10])
print(numbers.takeSample(True, 150, 6)[:10])
print(numbers.sample(True, 25.0, 2).map(lambda x: x % 7).countByValue()[3])

letters = sc.parallelize(list("abcdefghijklmnopqrstuvwxyz"))
print(letters.sample(False, 0.3, 11).collect(), letters.takeSample(False, 4, 2))
print(letters.map(str.upper).filter(lambda c: c not in "AEIOU").takeSample(False, 3, 13))

print(sc.range(0, 1000, 7).sample(False, 0.05, 3).collect())
print(sc.range(50, numSlices=3).takeSample(True, 6, 9))

rows = spark.range(0, 40, 1, 3).rdd
print(rows.sample(False, 0.25, 5).collect())
print(rows.takeSample(False, 3, 8))

pairs = sc.parallelize([(k % 3, k) for k in range(30)], 3)
print(pairs.sampleByKey(False, {0: 0.5, 1: 0.2, 2: 1.0}, 4).collect())
print([part.collect() for part in numbers.randomSplit([1, 2, 1], 17)])
print(round(numbers.map(lambda x: x * 1.5).sampleStdev(), 9), numbers.variance())

unseeded = numbers.takeSample(False, 10)
print(len(unseeded), len(set(unseeded)), set(unseeded) <= set(range(100)))
