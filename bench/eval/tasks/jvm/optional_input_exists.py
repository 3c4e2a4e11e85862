import os
import tempfile


def path_exists(sc, path):
    jvm = sc._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    return p.getFileSystem(jvm.org.apache.hadoop.conf.Configuration()).exists(p)


def load_optional(spark, path, schema):
    if path_exists(spark.sparkContext, path):
        return spark.read.schema(schema).json(path)
    return spark.createDataFrame([], schema)


def run(spark):
    base = tempfile.mkdtemp()
    promos = os.path.join(base, "promos.json")
    with open(promos, "w") as fh:
        fh.write('{"code": "SPRING10", "pct": 10}\n{"code": "VIP25", "pct": 25}\n')
    schema = "code string, pct int"
    found = load_optional(spark, promos, schema)
    missing = load_optional(spark, os.path.join(base, "coupons.json"), schema)
    return sorted(tuple(r) for r in found.collect()), missing.count()
