from pyspark.sql import Row
from pyspark.sql import functions as F

HQ = Row(lat=40.71, lon=-74.0)


def run(spark):
    stores = spark.createDataFrame(
        [("s1", 40.71, -74.0), ("s2", 34.05, -118.24), ("s3", 40.71, -74.0)], ["store", "lat", "lon"]
    )
    rows = stores.select("store", F.struct("lat", "lon").alias("pos")).collect()
    at_hq = [r.store for r in rows if r.pos == HQ]
    return sorted(at_hq)
