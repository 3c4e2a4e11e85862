from pyspark.sql import functions as F


def spread(spark, df):
    sc = spark._sc
    return df.repartition(sc.defaultParallelism * 2)


def run(spark):
    payments = spark.createDataFrame(
        [("card", 25.0), ("cash", 12.5), ("card", 99.9), ("voucher", 5.0), ("cash", 7.5)],
        ["method", "amount"],
    )
    out = spread(spark, payments).groupBy("method").agg(F.round(F.sum("amount"), 2).alias("total"))
    return sorted(tuple(r) for r in out.collect())
