"""Transformations; this module never imports pyspark, it gets the session and frames passed in."""


def add_margin(frame):
    return frame.withColumn("margin", frame["revenue"] - frame["cost"])


def top_stores(spark, frame, n):
    frame.createOrReplaceTempView("b065_stores")
    query = f"SELECT store, city, margin FROM b065_stores ORDER BY margin DESC, store LIMIT {n}"
    return [tuple(r) for r in spark.sql(query).collect()]
