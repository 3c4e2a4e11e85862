# corpus: style=job-module
# corpus: expect=remains reason="SPK115 defaultParallelism and SPK116 setJobGroup have no Connect equivalent on the session: use spark.sql.shuffle.partitions and spark.addTag"
from pyspark.sql import SparkSession


def main():
    spark = SparkSession.builder.appName("backfill").getOrCreate()
    sc = spark.sparkContext
    sc.setJobGroup("backfill-2024", "backfill of daily totals")
    partitions = max(2, sc.defaultParallelism)
    days = spark.range(0, 30, numPartitions=partitions).withColumnRenamed("id", "day")
    totals = days.selectExpr("day", "day * 10 AS total")
    print("days:", totals.count(), "sum:", totals.groupBy().sum("total").first()[0])


if __name__ == "__main__":
    main()
