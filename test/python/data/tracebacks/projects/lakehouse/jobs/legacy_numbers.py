"""An old job moved to serverless unchanged."""
from pyspark import SparkContext
from pyspark.sql import SparkSession


def main() -> None:
    spark = SparkSession.builder.getOrCreate()
    sc = SparkContext.getOrCreate()
    sc.setLogLevel("WARN")
    spark.range(10).write.mode("overwrite").saveAsTable("main.tmp.numbers")


if __name__ == "__main__":
    main()
