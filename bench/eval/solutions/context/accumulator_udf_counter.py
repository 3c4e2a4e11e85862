from pyspark.sql import functions as F
from pyspark.sql.types import DoubleType


def run(spark):
    def clip(value):
        if value is not None and value > 100.0:
            return 100.0
        return value

    clip_udf = F.udf(clip, DoubleType())
    readings = spark.createDataFrame([("h1", 55.0), ("h2", 130.5), ("h3", 101.0), ("h4", 99.9)], ["sensor", "humidity"])
    fixed = readings.withColumn("humidity", clip_udf("humidity")).collect()
    clipped = readings.filter(F.col("humidity") > 100.0).count()
    return sorted((r.sensor, r.humidity) for r in fixed), clipped
