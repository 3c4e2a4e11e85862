"""Nightly ETL jobs, written for a classic Spark driver."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession, functions as F

from legacy_etl.logger import Log4j

conf = SparkConf().setAppName("nightly-etl").setMaster("local[2]").set("etl.run.date", "2024-01-31")
sc = SparkContext(conf=conf)
sc.setLogLevel("WARN")
sqlContext = SQLContext(sc)
spark = SparkSession(sc)
log = Log4j(spark)

OPTIONAL_COLUMNS = ["channel", "state"]


def load_people():
    data = [("alice", "NY"), ("bob", "CA"), ("carol", "NY")]
    return sc.parallelize(data).toDF(["name", "state"])


def load_orders():
    orders = [("alice", 30), ("bob", 12), ("carol", 7), ("alice", 5)]
    rdd = sc.parallelize(orders)
    return sqlContext.createDataFrame(rdd, ["name", "amount"])


def validate(frame):
    if not isinstance(frame, DataFrame):
        raise TypeError("expected a Spark DataFrame")
    return frame


def with_optional_columns(frame):
    for name in OPTIONAL_COLUMNS:
        if name not in frame.columns:
            frame = frame.withColumn(name, F.lit("unknown"))
    return frame


def distinct_states(people):
    return sorted(set(people.select("state").rdd.flatMap(lambda x: x).collect()))


def union_all(frames):
    return reduce(DataFrame.unionByName, frames)


def report(people, orders):
    sqlContext.registerDataFrameAsTable(people, "people")
    sqlContext.registerDataFrameAsTable(orders, "orders")
    totals = sqlContext.sql(
        "SELECT p.state, sum(o.amount) AS total FROM people p JOIN orders o ON p.name = o.name "
        "GROUP BY p.state ORDER BY p.state"
    )
    if totals.rdd.isEmpty():
        log.warn("no orders")
    return totals.toJSON().collect()


def run_date():
    return sc.getConf().get("etl.run.date")


def main():
    people = validate(load_people())
    orders = union_all([load_orders(), load_orders().limit(0)])
    print("run date:", run_date())
    print("states:", distinct_states(people))
    print("columns:", with_optional_columns(orders).columns)
    for line in report(people, orders):
        print(line)
