from pyspark.sql import Row


def run(spark):
    events = [
        Row(user="u1", action="click", ms=120),
        Row(user="u2", action="view", ms=40),
        Row(user="u1", action="view", ms=65),
        Row(user="u3", action="click", ms=210),
    ]
    df = spark.createDataFrame(events)
    clicks = df.filter(df.action == "click").orderBy("user")
    return [(r.user, r.ms) for r in clicks.collect()]
