from pyspark.sql import functions as F


def run(spark):
    transactions = spark.createDataFrame(
        [("t1", 19.99, "EUR"), ("t2", None, "EUR"), ("t3", 5.0, None), ("t4", 250.0, "USD"), ("t5", None, None)],
        "txn_id string, amount double, currency string",
    )
    bad_rows = transactions.filter(F.col("amount").isNull() | F.col("currency").isNull()).count()
    return bad_rows
