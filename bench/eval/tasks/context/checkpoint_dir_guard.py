from pyspark.sql import functions as F


def stabilise(spark, df):
    sc = spark.sparkContext
    if sc.getCheckpointDir() is None:
        return df.localCheckpoint()
    return df.checkpoint()


def run(spark):
    edges = spark.createDataFrame([("a", "b"), ("b", "c"), ("c", "a"), ("a", "d")], ["src", "dst"])
    degrees = stabilise(spark, edges.groupBy("src").agg(F.count("*").alias("out_degree")))
    return sorted(tuple(r) for r in degrees.collect())
