# corpus: style=job-module
# corpus: expect=migrates
"""Click-stream job with the Log4j wrapper class copied from a Spark course."""
from pyspark.sql import SparkSession
from pyspark.sql import functions as F


class Log4j:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        root_class = "corpus.jobs"
        app_name = spark.sparkContext.getConf().get("spark.app.name")
        self.logger = log4j.LogManager.getLogger(root_class + "." + app_name)

    def warn(self, message):
        self.logger.warn(message)

    def info(self, message):
        self.logger.info(message)

    def error(self, message):
        self.logger.error(message)


def main():
    spark = SparkSession.builder.appName("clickstream").getOrCreate()
    logger = Log4j(spark)
    logger.info("starting clickstream")
    clicks = spark.createDataFrame(
        [("u1", "home"), ("u2", "cart"), ("u1", "cart"), ("u3", "home"), ("u1", "checkout")],
        ["user", "page"],
    )
    funnel = clicks.groupBy("page").agg(F.countDistinct("user").alias("users")).orderBy("page")
    funnel.show()
    if funnel.count() < 3:
        logger.warn("funnel incomplete")
    logger.info("done")


if __name__ == "__main__":
    main()
