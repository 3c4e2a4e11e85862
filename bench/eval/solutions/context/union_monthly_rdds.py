from functools import reduce


def run(spark):
    cols = ["month", "user", "orders"]
    jan = spark.createDataFrame([("2024-01", "alice", 3), ("2024-01", "bob", 1)], cols)
    feb = spark.createDataFrame([("2024-02", "alice", 2)], cols)
    mar = spark.createDataFrame([("2024-03", "carol", 7), ("2024-03", "bob", 4)], cols)
    df = reduce(lambda a, b: a.union(b), [jan, feb, mar])
    per_user = df.groupBy("user").sum("orders").collect()
    return df.count(), sorted(tuple(r) for r in per_user)
