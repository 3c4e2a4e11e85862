from pyspark.sql import SparkSession


def daily_report(spark: SparkSession, day):
    visits = spark.table("site_visits").where(f"day = '{day}'")
    partitions = spark.conf.get("spark.sql.shuffle.partitions")
    by_page = visits.groupBy("page").count().orderBy("page")
    return partitions, [(r.page, r["count"]) for r in by_page.collect()]


def run(spark):
    spark.createDataFrame(
        [("2024-06-01", "/home"), ("2024-06-01", "/cart"), ("2024-06-02", "/home"), ("2024-06-01", "/home")],
        ["day", "page"],
    ).createOrReplaceTempView("site_visits")
    return daily_report(spark, "2024-06-01")
