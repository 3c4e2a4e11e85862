from pyspark.sql import functions as F


def run(spark):
    orders = [
        (101, "alice", "books", 12.50),
        (102, "bob", "games", 59.99),
        (103, "alice", "games", 19.99),
        (104, "carol", "books", 7.25),
        (105, "bob", "books", 15.00),
        (106, "alice", "music", 9.99),
    ]
    df = spark.createDataFrame(orders, ["order_id", "customer", "category", "amount"])
    per_customer = (
        df.groupBy("customer")
        .agg(F.count("*").alias("n"), F.round(F.sum("amount"), 2).alias("total"))
        .orderBy("customer")
    )
    return [tuple(r) for r in per_customer.collect()]
