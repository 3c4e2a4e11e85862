# Fixture for SPK000 (unused suppression).
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext  # noqa: SPK001  # ok: used suppression
rows = spark.range(3)  # noqa: SPK101  # warning: [SPK000]
conf = spark.conf  # sparkmigrate: ignore[SPK001]  # warning: [SPK000]
other = spark.range(1)  # noqa: SPK998  # warning: [SPK000]
plain = 1  # noqa: E501  # ok: another tool's code is not ours to judge
bare = 2  # noqa  # ok: a bare noqa is not reported
