# corpus: style=job-module
# corpus: expect=migrates
"""Prints a run banner from the SparkContext before the job body, like many scheduled jobs."""
import logging

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
log = logging.getLogger("banner")


def banner(spark):
    sc = spark.sparkContext
    print("spark version:", sc.version)
    print("python version ok:", sc.pythonVer.count(".") == 1)
    log.info("application %s (%s)", sc.appName, sc.applicationId)


def main():
    spark = SparkSession.builder.appName("banner-job").getOrCreate()
    banner(spark)
    scores = spark.createDataFrame([("a", 3), ("b", 9), ("a", 4)], ["team", "score"])
    scores.groupBy("team").agg(F.max("score").alias("best")).orderBy("team").show()


if __name__ == "__main__":
    main()
