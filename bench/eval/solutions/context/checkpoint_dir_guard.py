from pyspark.sql import functions as F


def stabilise(spark, df):
    return df.localCheckpoint()


def run(spark):
    edges = spark.createDataFrame([("a", "b"), ("b", "c"), ("c", "a"), ("a", "d")], ["src", "dst"])
    degrees = stabilise(spark, edges.groupBy("src").agg(F.count("*").alias("out_degree")))
    return sorted(tuple(r) for r in degrees.collect())
