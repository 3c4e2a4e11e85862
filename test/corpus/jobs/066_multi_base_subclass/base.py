"""Base class every batch job in this package extends."""
import logging

from pyspark.sql import SparkSession


class BaseJob:
    def __init__(self, app_name):
        self.app_name = app_name
        self.spark = SparkSession.builder.appName(app_name).getOrCreate()
        self.log = logging.getLogger(app_name)

    @property
    def sc(self):
        return self.spark.sparkContext

    def run(self):
        self.sc.setLogLevel("WARN")
        self.log.info("running %s", self.app_name)
        self.execute()

    def execute(self):
        raise NotImplementedError
