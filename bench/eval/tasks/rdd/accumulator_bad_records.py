def run(spark):
    sc = spark.sparkContext
    bad_rows = sc.accumulator(0)
    transactions = spark.createDataFrame(
        [("t1", 19.99, "EUR"), ("t2", None, "EUR"), ("t3", 5.0, None), ("t4", 250.0, "USD"), ("t5", None, None)],
        "txn_id string, amount double, currency string",
    )

    def audit(row):
        if row.amount is None or row.currency is None:
            bad_rows.add(1)

    transactions.rdd.foreach(audit)
    return bad_rows.value
