from pyspark.sql import functions as F


def run(spark):
    events = [
        '{"user": "u1", "action": "view", "ms": 120}',
        '{"user": "u2", "action": "click", "ms": 45}',
        '{"user": "u1", "action": "click", "ms": 60}',
        '{"user": "u3", "action": "view", "ms": 300}',
    ]
    raw = spark.createDataFrame([(e,) for e in events], "value string")
    df = raw.select(F.from_json("value", "action string, ms long, user string").alias("v")).select("v.*")
    stats = df.groupBy("action").agg(F.count("*").alias("n"), F.avg("ms").alias("avg_ms")).orderBy("action")
    return [(r.action, r.n, round(r.avg_ms, 2)) for r in stats.collect()]
