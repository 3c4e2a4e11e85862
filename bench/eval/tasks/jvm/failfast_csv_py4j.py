import os
import tempfile

from py4j.protocol import Py4JJavaError
from pyspark.sql import functions as F

SCHEMA = "sensor string, ts string, celsius double"


def load_readings(spark, path):
    try:
        df = spark.read.schema(SCHEMA).option("mode", "FAILFAST").csv(path)
        return df.agg(F.round(F.avg("celsius"), 2)).first()[0], "strict"
    except Py4JJavaError:
        df = spark.read.schema(SCHEMA).option("mode", "DROPMALFORMED").csv(path)
        return df.agg(F.round(F.avg("celsius"), 2)).first()[0], "lenient"


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "readings.csv")
    with open(path, "w") as fh:
        fh.write("t-1,2024-01-01T00:00,21.5\nt-2,2024-01-01T00:00,not-a-number\nt-1,2024-01-01T00:10,21.7\n")
    return load_readings(spark, path)
