"""The same jobs written for Spark Connect: nothing here is flagged."""
import logging
from functools import reduce

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("nightly-etl").getOrCreate()
log = logging.getLogger("etl.nightly")


def word_count(path):
    lines = spark.read.text(path)
    words = lines.select(F.explode(F.split("value", r"\s+")).alias("word"))
    return words.where(F.col("word") != "").groupBy("word").count()


def enrich_states(people):
    states = spark.createDataFrame([("NY", "New York"), ("CA", "California")], ["state", "state_name"])
    return people.join(F.broadcast(states), "state").select("name", "state_name")


def load_people():
    return spark.createDataFrame([("alice", "NY"), ("bob", "CA")], ["name", "state"])


def distinct_states(people):
    return [r[0] for r in people.select("state").collect()]


def union_all(frames):
    return reduce(lambda a, b: a.unionByName(b), frames)


def report(people):
    people.createOrReplaceTempView("people")
    top = spark.sql("SELECT state, count(*) AS n FROM people GROUP BY state")
    if top.isEmpty():
        log.warning("no people")
    return [r.value for r in top.select(F.to_json(F.struct("*")).alias("value")).collect()]


def settings():
    return spark.conf.get("spark.app.name")
