# Fixture for SPK012 (DataFrames of two Spark Connect sessions combined).
import os

from pyspark.sql import SparkSession


def enrich(spark):
    other = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).create()  # error: [SPK012]
    names = other.createDataFrame([(0, "zero"), (1, "one")], ["id", "name"])
    return spark.range(2).join(names, "id").collect()


def merged(spark_session, path):
    isolated = spark_session.newSession()  # error: [SPK012]
    staged = isolated.read.parquet(path).select("id")
    return staged.unionByName(spark_session.table("ids"))


def same_plan(frame):
    fresh = SparkSession.builder.create()  # error: [SPK012]
    return fresh.range(3).sameSemantics(other=frame)


def grouped(spark):
    side = SparkSession.builder.remote("sc://localhost").create().range(4)  # error: [SPK012]
    counts = spark.range(4).groupBy("id").count()
    return counts.join(side, "id")


# Clean: the new session's DataFrames stay in that session.
def isolated_count(url):
    scratch = SparkSession.builder.remote(url).create()  # ok
    left = scratch.range(3)
    return left.join(scratch.range(3), "id").count()


# Clean: both sides come from the same session.
def self_join(spark):
    people = spark.table("people")
    return people.alias("a").join(people.alias("b"), "id")


# Clean: nothing is known about where `frame` came from, and `load` is not a Spark call.
def opaque(frame, loader):
    fresh = SparkSession.builder.create()  # ok
    return loader.load(fresh).join(frame, "id")

