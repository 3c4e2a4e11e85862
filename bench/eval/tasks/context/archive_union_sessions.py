def run(spark):
    archive_session = spark.newSession()
    archived = archive_session.createDataFrame(
        [("2023-12-30", "C-7", 19.99), ("2023-12-31", "C-2", 5.49)],
        ["day", "customer", "total"],
    )
    current = spark.createDataFrame(
        [("2024-01-01", "C-7", 42.00), ("2024-01-02", "C-9", 13.37)],
        ["day", "customer", "total"],
    )
    everything = current.unionByName(archived)
    return [tuple(r) for r in everything.orderBy("day").collect()]
