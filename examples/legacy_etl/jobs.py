"""Nightly ETL jobs, written for a classic Spark driver."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, Row, SQLContext, SparkSession

from legacy_etl.logger import Log4j

conf = SparkConf().setAppName("nightly-etl").setMaster("local[2]")
sc = SparkContext(conf=conf)
sc.setLogLevel("WARN")
sqlContext = SQLContext(sc)
spark = SparkSession.builder.config("spark.executor.memory", "4g").getOrCreate()
log = Log4j(spark)


def word_count(path):
    lines = sc.textFile(path)
    counts = lines.flatMap(lambda line: line.split()).map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b)
    return counts.toDF(["word", "count"])


def enrich_states(people: DataFrame):
    states = {"NY": "New York", "CA": "California"}
    lookup = spark.sparkContext.broadcast(states)
    return people.rdd.map(lambda r: (r.name, lookup.value[r.state])).toDF(["name", "state_name"])


def load_people():
    data = [("alice", "NY"), ("bob", "CA")]
    return sc.parallelize(data).toDF(["name", "state"])


def distinct_states(people):
    return people.select("state").rdd.flatMap(lambda x: x).collect()


def union_all(frames):
    return reduce(DataFrame.unionByName, frames)


def report(people):
    sqlContext.registerDataFrameAsTable(people, "people")
    top = sqlContext.sql("SELECT state, count(*) AS n FROM people GROUP BY state")
    if top.rdd.isEmpty():
        log.warn("no people")
    return top.toJSON().collect()


def settings():
    return spark.sparkContext.getConf().get("spark.app.name")
