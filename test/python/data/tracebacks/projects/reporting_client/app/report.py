"""Monthly report."""
import sys

from pyspark.sql import SparkSession

from app.logs import jvm_logger


def main(url: str) -> None:
    spark = SparkSession.builder.remote(url).getOrCreate()
    jvm_logger(spark, "report").info("starting")
    spark.table("sales").groupBy("month").sum("amount").show()


if __name__ == "__main__":
    main(sys.argv[1])
