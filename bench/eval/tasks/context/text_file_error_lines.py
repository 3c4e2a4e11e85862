import os
import tempfile

LOG = """2024-03-01 10:00:01 INFO  api started
2024-03-01 10:00:05 ERROR db timeout after 30s
2024-03-01 10:01:12 WARN  slow query 2.1s
2024-03-01 10:02:40 ERROR payment gateway 502
2024-03-01 10:03:00 INFO  health ok
"""


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "app.log")
    with open(path, "w") as fh:
        fh.write(LOG)
    sc = spark.sparkContext
    lines = sc.textFile(path)
    errors = lines.filter(lambda line: " ERROR " in line).map(lambda line: line.split(" ", 3)[3])
    return lines.count(), sorted(errors.collect())
