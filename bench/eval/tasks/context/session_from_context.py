from pyspark import SparkContext
from pyspark.sql import SparkSession


def build_session():
    sc = SparkContext.getOrCreate()
    return SparkSession(sc)


def run(spark):
    session = build_session()
    tickets = session.createDataFrame(
        [("T-1", "open", "high"), ("T-2", "closed", "low"), ("T-3", "open", "low"), ("T-4", "open", "high")],
        ["ticket", "state", "priority"],
    )
    urgent = tickets.filter("state = 'open' AND priority = 'high'")
    return sorted(r.ticket for r in urgent.collect())
