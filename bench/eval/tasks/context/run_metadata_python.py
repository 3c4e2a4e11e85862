def run_metadata(spark):
    sc = spark.sparkContext
    return {"spark": sc.version, "python": sc.pythonVer}


def run(spark):
    meta = run_metadata(spark)
    rows = spark.createDataFrame([("k1", 3), ("k2", 5)], ["key", "val"]).agg({"val": "sum"}).first()[0]
    return meta["spark"].split(".")[0], meta["python"].count("."), rows
