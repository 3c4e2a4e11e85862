"""Entry point of the reporting client (installed with pyspark-client)."""
import argparse

from pyspark import SparkContext
from pyspark.sql import SparkSession


def session(url: str) -> SparkSession:
    if SparkContext._active_spark_context is not None:
        return SparkSession.builder.getOrCreate()
    return SparkSession.builder.remote(url).getOrCreate()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--remote", default="sc://localhost")
    spark = session(parser.parse_args().remote)
    spark.table("sales").show()


if __name__ == "__main__":
    main()
