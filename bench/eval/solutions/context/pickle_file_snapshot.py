import os
import tempfile


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "sessions.parquet")
    sessions = [("u1", "mobile", 312), ("u2", "desktop", 45), ("u3", "mobile", 128), ("u4", "tablet", 600)]
    spark.createDataFrame(sessions, ["user", "device", "seconds"]).write.parquet(path)
    restored = spark.read.parquet(path)
    long_sessions = restored.filter("seconds > 100").select("device", "seconds")
    return sorted(tuple(r) for r in long_sessions.collect())
