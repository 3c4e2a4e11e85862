import pyspark
from pyspark.sql import functions as F


def shuffle_width():
    sc = pyspark.SparkContext._active_spark_context
    return int(sc.getConf().get("spark.sql.shuffle.partitions", "200"))


def run(spark):
    clicks = spark.createDataFrame(
        [("campaign-1", 3), ("campaign-2", 7), ("campaign-1", 4), ("campaign-3", 1)],
        ["campaign", "clicks"],
    )
    width = shuffle_width()
    out = clicks.repartition(width, "campaign").groupBy("campaign").agg(F.sum("clicks").alias("clicks"))
    return width, sorted(tuple(r) for r in out.collect())
