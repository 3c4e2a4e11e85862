"""Helpers that never import pyspark: the caller hands over sc and spark."""


def odd_squares(sc, limit):
    rdd = sc.parallelize(range(limit))
    return sorted(rdd.filter(lambda n: n % 2 == 1).map(lambda n: n * n).collect())


def as_frame(spark, values):
    return spark.createDataFrame([(v,) for v in values], ["n"])
