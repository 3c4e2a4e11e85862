# corpus: style=job-module
# corpus: expect=migrates
"""Airflow-style task: a context manager owns the session; errors from Spark are caught."""
import argparse
import contextlib

import py4j
from py4j.protocol import Py4JJavaError
from pyspark.sql import SparkSession


@contextlib.contextmanager
def spark_session(app_name):
    spark = SparkSession.builder.appName(app_name).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield spark
    finally:
        spark.stop()


def run(spark, table):
    spark.createDataFrame([(1, 2.0), (2, 3.5), (3, 4.25)], ["k", "v"]).createOrReplaceTempView("metrics")
    try:
        return spark.sql(f"SELECT sum(v) AS total FROM {table}").first().total
    except Py4JJavaError:
        return None


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", default="metrics")
    args = parser.parse_args(argv)
    with spark_session("metrics-task") as spark:
        print("total:", run(spark, args.table))


if __name__ == "__main__":
    main([])
