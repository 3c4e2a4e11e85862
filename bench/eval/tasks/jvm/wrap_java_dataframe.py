from pyspark.sql import DataFrame


def drop_duplicate_events(df):
    jdf = df._jdf.distinct()
    return DataFrame(jdf, df.sparkSession)


def run(spark):
    events = spark.createDataFrame(
        [("e1", "u1", "click"), ("e1", "u1", "click"), ("e2", "u2", "view"), ("e3", "u1", "view"), ("e2", "u2", "view")],
        ["event_id", "user", "kind"],
    )
    unique = drop_duplicate_events(events)
    return unique.count(), sorted(r.event_id for r in unique.collect())
