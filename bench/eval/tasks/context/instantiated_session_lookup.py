from pyspark.sql import SparkSession, functions as F


def current_session():
    return SparkSession._instantiatedSession


def daily_totals(rows):
    df = current_session().createDataFrame(rows, ["day", "amount"])
    return df.groupBy("day").agg(F.round(F.sum("amount"), 2).alias("total")).orderBy("day")


def run(spark):
    rows = [("2024-05-01", 10.5), ("2024-05-01", 4.25), ("2024-05-02", 99.0), ("2024-05-03", 1.0)]
    return [tuple(r) for r in daily_totals(rows).collect()]
