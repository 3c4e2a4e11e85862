# Fixture for SPK405 (unbound DataFrame/Column methods before 4.0).
import functools
from functools import reduce

import pyspark
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.dataframe import DataFrame as SparkDataFrame

spark = SparkSession.builder.getOrCreate()
frames = [spark.table("a"), spark.table("b"), spark.table("c")]

combined = reduce(lambda a, b: a.unionByName(b), frames)  # error: [SPK405]
combined = functools.reduce(lambda a, b: a.unionByName(b), frames)  # error: [SPK405]
both = frames[0].union(frames[1])  # error: [SPK405]
sizes = list(map(lambda d: d.count(), frames))  # error: [SPK405]
largest = max(frames, key=SparkDataFrame.count)  # error: [SPK405]
conditions = [F.col("a") > 1, F.col("b") < 2]
where = reduce(Column.__and__, conditions)  # error: [SPK405]


def union_all(dfs):
    return reduce(lambda a, b: a.unionAll(b), dfs)  # error: [SPK405]


# Clean: bound calls.
combined = reduce(lambda a, b: a.unionByName(b), frames)  # ok
both = frames[0].union(frames[1])  # ok


class MyFrame(DataFrame):
    def __init__(self, jdf, session):
        DataFrame.__init__(self, jdf, session)  # ok: DF-13's concern (SPK413)


DataFrame.transform_all = lambda self, fns: reduce(lambda d, f: f(d), fns, self)  # ok: monkey-patching


class Local:
    @staticmethod
    def merge(a, b):
        return a


reduce(Local.merge, frames)  # ok: a local class
