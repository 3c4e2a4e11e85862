# corpus: style=control
# corpus: expect=clean
"""Already Connect-ready job: argparse, logging, write Parquet, read it back."""
import argparse
import logging
import os
import tempfile

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

logger = logging.getLogger("roundtrip")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", default=None)
    args = parser.parse_args([])
    output = args.output or os.path.join(tempfile.mkdtemp(), "events.parquet")
    spark = SparkSession.builder.appName("parquet-roundtrip").getOrCreate()
    here = os.path.dirname(os.path.abspath(__file__))
    events = spark.read.json(os.path.join(here, "..", "data", "events.json"))
    events.write.mode("overwrite").partitionBy("device").parquet(output)
    logger.info("wrote %s", output)
    back = spark.read.parquet(output)
    back.groupBy("device").agg(F.count("*").alias("events"), F.sum("amount").alias("revenue")) \
        .orderBy("device").show()
    print(sorted(back.columns))


if __name__ == "__main__":
    main()
