# corpus: style=job-module
# corpus: expect=migrates
"""Callable for an Airflow PythonOperator: builds its own context from a SparkConf."""
import logging
import os

from pyspark import SparkConf, SparkContext
from pyspark.sql import SQLContext

log = logging.getLogger("airflow.task")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")

DAG_CONFIG = {"app_name": "orders-by-status", "owner": "data-eng", "source": "b_orders.csv"}


def run_etl(ds="2024-06-01", **context):
    conf = SparkConf().setAppName(DAG_CONFIG["app_name"]).set("corpus.run.ds", ds)
    sc = SparkContext(conf=conf)
    sqlContext = SQLContext(sc)
    orders = sqlContext.read.csv(os.path.join(DATA, DAG_CONFIG["source"]), header=True, inferSchema=True)
    orders.createOrReplaceTempView("b093_orders")
    summary = sqlContext.sql("SELECT status, count(*) AS n FROM b093_orders GROUP BY status ORDER BY status")
    print("run for", sc.getConf().get("corpus.run.ds"))
    for row in summary.collect():
        print(row.status, row.n)
    log.info("owner %s", DAG_CONFIG["owner"])
    return summary.count()


if __name__ == "__main__":
    print("statuses:", run_etl())
