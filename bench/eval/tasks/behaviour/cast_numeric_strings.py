from pyspark.sql import functions as F


def run(spark):
    raw = spark.createDataFrame(
        [("1", "3.5", "x", "10"), ("2", "4.0", "y", "12")], ["id", "weight", "label", "units"]
    )
    df = raw
    for name in ["id", "weight", "units"]:
        df = df.withColumn(name, F.col(name).cast("double"))
        numeric = [c for c, t in df.dtypes if t == "double"]
    totals = df.agg(*[F.sum(c).alias(c) for c in numeric]).first()
    return numeric, [totals[c] for c in numeric]
