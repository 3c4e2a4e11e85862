from pyspark.sql import SQLContext


def daily_report(sql_ctx: SQLContext, day):
    visits = sql_ctx.table("site_visits").where(f"day = '{day}'")
    partitions = sql_ctx.getConf("spark.sql.shuffle.partitions")
    by_page = visits.groupBy("page").count().orderBy("page")
    return partitions, [(r.page, r["count"]) for r in by_page.collect()]


def run(spark):
    spark.createDataFrame(
        [("2024-06-01", "/home"), ("2024-06-01", "/cart"), ("2024-06-02", "/home"), ("2024-06-01", "/home")],
        ["day", "page"],
    ).createOrReplaceTempView("site_visits")
    ctx = SQLContext(spark.sparkContext)
    return daily_report(ctx, "2024-06-01")
