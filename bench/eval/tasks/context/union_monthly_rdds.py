def run(spark):
    sc = spark.sparkContext
    jan = sc.parallelize([("2024-01", "alice", 3), ("2024-01", "bob", 1)])
    feb = sc.parallelize([("2024-02", "alice", 2)])
    mar = sc.parallelize([("2024-03", "carol", 7), ("2024-03", "bob", 4)])
    quarter = sc.union([jan, feb, mar])
    df = quarter.toDF(["month", "user", "orders"])
    per_user = df.groupBy("user").sum("orders").collect()
    return quarter.count(), sorted(tuple(r) for r in per_user)
