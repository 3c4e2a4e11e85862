import os
import tempfile

from pyspark.errors import AnalysisException


def load_optional(spark, path, schema):
    df = spark.read.schema(schema).json(path)
    try:
        df.schema
    except AnalysisException:
        return spark.createDataFrame([], schema)
    return df


def run(spark):
    base = tempfile.mkdtemp()
    promos = os.path.join(base, "promos.json")
    with open(promos, "w") as fh:
        fh.write('{"code": "SPRING10", "pct": 10}\n{"code": "VIP25", "pct": 25}\n')
    schema = "code string, pct int"
    found = load_optional(spark, promos, schema)
    missing = load_optional(spark, os.path.join(base, "coupons.json"), schema)
    return sorted(tuple(r) for r in found.collect()), missing.count()
