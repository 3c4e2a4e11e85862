# corpus: style=job-module
# corpus: expect=migrates
"""Data-quality check job with the driver's log4j logger and Py4J error handling."""
from py4j.protocol import Py4JJavaError
from pyspark.sql import SparkSession


class QualityCheck:
    def __init__(self, spark):
        self.spark = spark
        self.log = spark.sparkContext._jvm.org.apache.log4j.LogManager.getLogger("QualityCheck")

    def count_rows(self, query):
        try:
            return self.spark.sql(query).collect()[0][0]
        except Py4JJavaError as error:
            self.log.error("query failed: " + str(error))
            return -1

    def run(self):
        self.spark.createDataFrame(
            [(1, "ok"), (2, "ok"), (3, None), (4, "bad")], ["id", "status"]
        ).createOrReplaceTempView("checks")
        self.log.info("running checks")
        return {
            "total": self.count_rows("SELECT count(*) FROM checks"),
            "nulls": self.count_rows("SELECT count(*) FROM checks WHERE status IS NULL"),
            "bad": self.count_rows("SELECT count(*) FROM checks WHERE status = 'bad'"),
        }


if __name__ == "__main__":
    spark = SparkSession.builder.appName("quality-check").getOrCreate()
    print(sorted(QualityCheck(spark).run().items()))
