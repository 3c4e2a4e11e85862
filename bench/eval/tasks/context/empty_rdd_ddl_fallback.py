def load_batch(spark, rows):
    sc = spark.sparkContext
    schema = "ts string, device string, reading double"
    if not rows:
        return spark.createDataFrame(sc.emptyRDD(), schema)
    return spark.createDataFrame(rows, schema)


def run(spark):
    nothing = load_batch(spark, [])
    some = load_batch(spark, [("2024-01-01T00:00", "d1", 1.5), ("2024-01-01T00:05", "d2", 2.25)])
    return nothing.count(), [f.name for f in nothing.schema.fields], round(some.groupBy().sum("reading").first()[0], 2)
