"""Legacy job: pair-RDD aggregations (reduceByKey, groupByKey, aggregateByKey, joins).

Usage: pair_rdd_ops.py
"""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("pair-rdd").getOrCreate()
sc = spark.sparkContext

sales = [("fruit", 3), ("veg", 2), ("fruit", 5), ("dairy", 1), ("veg", 4), ("fruit", 1)]
rdd = sc.parallelize(sales, 3)
print(sorted(rdd.reduceByKey(lambda a, b: a + b).collect()))
print(sorted((key, sorted(values)) for key, values in rdd.groupByKey().collect()))
totals = rdd.aggregateByKey(
    (0, 0), lambda acc, v: (acc[0] + v, acc[1] + 1), lambda a, b: (a[0] + b[0], a[1] + b[1])
)
print(sorted(totals.mapValues(lambda t: t[0] / t[1]).collect()))
print(sorted(rdd.countByKey().items()))
print(sorted(rdd.keys().distinct().collect()))
print(sorted(rdd.values().collect()))

prices = sc.parallelize([("fruit", 0.5), ("veg", 0.25), ("meat", 3.0)])
print(sorted(rdd.join(prices).collect()))
print(sorted(rdd.leftOuterJoin(prices).collect(), key=str))
both = rdd.union(sc.parallelize([("bakery", 7)]))
print(both.count(), both.map(lambda kv: kv[1]).sum())
print(rdd.sortByKey(ascending=False).keys().collect())
print(rdd.values().reduce(max), rdd.values().fold(0, lambda a, b: a + b))
