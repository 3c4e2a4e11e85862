import os
import tempfile


def run(spark):
    sc = spark.sparkContext
    path = os.path.join(tempfile.mkdtemp(), "sessions.pickle")
    sessions = [("u1", "mobile", 312), ("u2", "desktop", 45), ("u3", "mobile", 128), ("u4", "tablet", 600)]
    sc.parallelize(sessions, 2).saveAsPickleFile(path)
    restored = sc.pickleFile(path)
    long_sessions = restored.filter(lambda s: s[2] > 100).map(lambda s: (s[1], s[2]))
    return sorted(long_sessions.collect())
