import sys


def run_metadata(spark):
    return {"spark": spark.version, "python": "%d.%d" % sys.version_info[:2]}


def run(spark):
    meta = run_metadata(spark)
    rows = spark.createDataFrame([("k1", 3), ("k2", 5)], ["key", "val"]).agg({"val": "sum"}).first()[0]
    return meta["spark"].split(".")[0], meta["python"].count("."), rows
