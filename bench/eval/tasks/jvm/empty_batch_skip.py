from pyspark.sql import functions as F


def process(df):
    if df._jdf.isEmpty():
        return "skipped"
    return round(df.agg(F.sum("amount")).first()[0], 2)


def run(spark):
    tx = spark.createDataFrame(
        [("t1", "card", 12.0), ("t2", "crypto", 300.0), ("t3", "card", 8.5)], ["tx", "method", "amount"]
    )
    return process(tx.filter("method = 'card'")), process(tx.filter("method = 'wire'"))
