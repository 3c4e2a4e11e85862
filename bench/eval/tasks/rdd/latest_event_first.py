from pyspark.sql import functions as F


def run(spark):
    events = spark.createDataFrame(
        [
            ("u1", "login", "2024-03-01 08:00:00"),
            ("u1", "purchase", "2024-03-01 08:05:13"),
            ("u2", "login", "2024-03-01 09:12:00"),
            ("u1", "logout", "2024-03-01 08:30:00"),
        ],
        ["user_id", "event", "ts"],
    )
    events = events.withColumn("ts", F.to_timestamp("ts"))
    last = events.orderBy(F.col("ts").desc()).rdd.first()
    n = events.rdd.count()
    return last.user_id, last.event, str(last.ts), n
