# Fixture for SPK803 (temp view replaced by name).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
daily = spark.table("sales").groupBy("day").count()
daily.createOrReplaceTempView("stats")
daily_view = spark.table("stats")
weekly = spark.table("sales").groupBy("week").count()
weekly.createOrReplaceTempView("stats")  # warning: [SPK803]
daily_view.show()

raw = spark.read.json("/raw/orders")
raw.createTempView("orders")
cleaned = spark.sql("SELECT * FROM orders WHERE amount > 0")
cleaned.createOrReplaceTempView("orders")  # warning: [SPK803]
cleaned.registerTempTable("orders")  # warning: [SPK803]

weekly.createOrReplaceTempView("weekly_stats")  # ok: a new name


def first_report(session):
    session.table("sales").createOrReplaceTempView("report")
    return session.sql("SELECT * FROM report").collect()


def second_report(session):
    session.table("returns").createOrReplaceTempView("report")  # ok: another function
    return session.sql("SELECT * FROM report").collect()


def rebuild(session):
    base = session.table("sales")
    base.createOrReplaceTempView("scratch")
    totals = session.sql("SELECT day, sum(amount) AS total FROM scratch GROUP BY day")
    base.filter("amount > 0").createOrReplaceTempView("scratch")  # warning: [SPK803]
    return totals


class Registry:
    def createOrReplaceTempView(self, name):
        return name


Registry().createOrReplaceTempView("stats")  # ok: a local class
