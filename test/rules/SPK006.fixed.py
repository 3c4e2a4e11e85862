# Fixture for SPK006 (SparkSession(sc) and its private class attributes).
from pyspark import SparkContext
from pyspark.sql import SparkSession
from pyspark.sql.session import SparkSession as ClassicSession

sc = SparkContext.getOrCreate()
session = SparkSession.builder.getOrCreate()  # error: [SPK006]
wrapped = ClassicSession(sc, None)  # error: [SPK006]


def current():
    if SparkSession._instantiatedSession is not None:  # error: [SPK006]
        return SparkSession._instantiatedSession  # error: [SPK006]
    return SparkSession._activeSession  # error: [SPK006]


built = SparkSession.builder.getOrCreate()  # ok
active = SparkSession.active()  # ok


class Session:
    def __init__(self, sc):
        self.sc = sc


mine = Session(sc)  # ok: a local class named like Spark's
