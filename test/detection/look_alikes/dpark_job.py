# dpark copies the RDD API in pure Python; its context is not a SparkContext.
from dpark import DparkContext

ctx = DparkContext()
sc = DparkContext("local")
lines = sc.textFile("words.txt")
counts = lines.flatMap(lambda line: line.split()).map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b)
print(sorted(counts.collect()))
print(ctx.parallelize(range(10)).sum())
