from pyspark.sql import functions as F


def run(spark):
    sc = spark.sparkContext
    events = [
        '{"user": "u1", "action": "view", "ms": 120}',
        '{"user": "u2", "action": "click", "ms": 45}',
        '{"user": "u1", "action": "click", "ms": 60}',
        '{"user": "u3", "action": "view", "ms": 300}',
    ]
    df = spark.read.json(sc.parallelize(events))
    stats = df.groupBy("action").agg(F.count("*").alias("n"), F.avg("ms").alias("avg_ms")).orderBy("action")
    return [(r.action, r.n, round(r.avg_ms, 2)) for r in stats.collect()]
