from pyspark.sql import SQLContext


def get_sql_context(spark):
    return SQLContext.getOrCreate(spark.sparkContext)


def run(spark):
    ctx = get_sql_context(spark)
    ids = ctx.range(1, 21)
    buckets = ids.selectExpr("id % 3 AS bucket", "id").groupBy("bucket").sum("id").orderBy("bucket")
    return [tuple(r) for r in buckets.collect()]
