from pyspark.sql import SparkSession, functions as F


def get_session(app):
    return SparkSession.builder.appName(app).getOrCreate()


def run(spark):
    session = get_session("customer-segments")
    customers = session.createDataFrame(
        [("c1", 1200.0), ("c2", 80.0), ("c3", 560.0), ("c4", 15.0)], ["customer", "lifetime_value"]
    )
    seg = customers.withColumn(
        "segment", F.when(F.col("lifetime_value") >= 500, "gold").otherwise("standard")
    )
    return sorted((r.customer, r.segment) for r in seg.collect())
