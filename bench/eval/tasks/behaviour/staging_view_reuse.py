def run(spark):
    q1 = spark.createDataFrame([("o1", "north", 120.0), ("o2", "south", 80.0)], ["order_id", "region", "amount"])
    q2 = spark.createDataFrame([("o3", "north", 60.0), ("o4", "east", 45.5), ("o5", "east", 10.0)], ["order_id", "region", "amount"])

    q1.createOrReplaceTempView("staging_orders")
    q1_totals = spark.sql("SELECT region, SUM(amount) AS total FROM staging_orders GROUP BY region")

    q2.createOrReplaceTempView("staging_orders")
    q2_totals = spark.sql("SELECT region, SUM(amount) AS total FROM staging_orders GROUP BY region")

    return {
        "q1": sorted((r.region, r.total) for r in q1_totals.collect()),
        "q2": sorted((r.region, r.total) for r in q2_totals.collect()),
    }
