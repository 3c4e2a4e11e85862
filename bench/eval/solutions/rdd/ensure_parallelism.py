from pyspark.sql import functions as F


def ensure_parallelism(df, minimum):
    return df.repartition(minimum)


def run(spark):
    sales = spark.createDataFrame(
        [("north", 120.0), ("south", 80.5), ("east", 42.0), ("north", 17.25), ("west", 99.9),
         ("south", 10.0), ("east", 63.3), ("west", 5.0)] * 3,
        ["region", "amount"],
    ).coalesce(1)
    sales = ensure_parallelism(sales, 4)
    totals = sales.groupBy("region").agg(F.round(F.sum("amount"), 2).alias("total"))
    return sorted((r.region, r.total) for r in totals.collect())
