# sparkmigrate-test: platform=databricks
# Fixture for SPK901 (dbutils outside notebooks).
from databricks.sdk.runtime import dbutils
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
files = dbutils.fs.ls("/Volumes/main/raw/landing")  # error: [SPK901]
token = dbutils.secrets.get(scope="etl", key="token")  # error: [SPK901]


def run_child():
    return dbutils.notebook.run("./child", 600, {"date": "2024-01-01"})  # error: [SPK901]


def with_param(dbutils):
    return dbutils.fs.ls("/")  # ok: bound as a parameter


def with_sdk():
    from databricks.sdk.runtime import dbutils
    return dbutils.fs.ls("/")  # ok: imported in the function


def sdk_notebook_run():
    from databricks.sdk.runtime import dbutils
    return dbutils.notebook.run("./child", 600)  # error: [SPK901]


class Job:
    def widgets(self):
        return dbutils.widgets.get("env")  # error: [SPK901]


text = "dbutils.fs.ls('/')"  # ok: a string
