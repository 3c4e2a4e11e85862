"""A log4j wrapper that many tutorials copy: it talks to the driver JVM."""
from pyspark.sql import SparkSession


class Log4j:
    def __init__(self, spark: SparkSession):
        log4j = spark._jvm.org.apache.log4j
        app = spark.sparkContext.getConf().get("spark.app.name")
        self.logger = log4j.LogManager.getLogger("etl." + app)

    def warn(self, message):
        self.logger.warn(message)

    def info(self, message):
        self.logger.info(message)
