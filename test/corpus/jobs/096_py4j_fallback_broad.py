# corpus: style=job-module
# corpus: expect=remains reason="SPK206: a later except Exception of the same try would lose the errors that except PySparkException now takes, so the handler is left to a person"
"""Validation job that tells JVM-side failures apart from everything else."""
import logging

from py4j.protocol import Py4JJavaError
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

log = logging.getLogger("validate")


def strict_ratio(a, b):
    return a / b


def main():
    spark = SparkSession.builder.appName("validate-ratios").getOrCreate()
    ratio = F.udf(strict_ratio, "double")
    frame = spark.createDataFrame([(1, 2), (3, 0)], ["a", "b"])
    for label, data in [("good", frame.filter("b != 0")), ("bad", frame)]:
        try:
            rows = data.select(ratio("a", "b").alias("r")).collect()
            print(label, "ok:", [r.r for r in rows])
        except Py4JJavaError:
            print(label, "failed in the JVM")
        except Exception as err:
            print(label, "failed:", type(err).__name__)


if __name__ == "__main__":
    main()
