from pyspark.sql import Row
from pyspark.sql import functions as F

HQ = Row(lat=40.71, lon=-74.0)


def run(spark):
    stores = spark.createDataFrame(
        [("s1", 40.71, -74.0), ("s2", 34.05, -118.24), ("s3", 40.71, -74.0)], ["store", "lat", "lon"]
    )
    pdf = stores.select("store", F.struct("lat", "lon").alias("pos")).toPandas()
    at_hq = [s for s, pos in zip(pdf["store"], pdf["pos"]) if pos == HQ]
    return sorted(at_hq)
