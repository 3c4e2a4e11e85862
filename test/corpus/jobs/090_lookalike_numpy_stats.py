# corpus: style=look-alike
# corpus: expect=clean
"""numpy statistics next to Spark: numpy's take/union/ravel and a `sc` scale config, not Spark's."""
import numpy as np
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("numpy-stats").getOrCreate()

readings = spark.createDataFrame([(i, float(i * i % 7)) for i in range(12)], ["t", "value"])
values = np.array([r.value for r in readings.orderBy("t").collect()])

sc = np.array([0.5, 2.0])
scaled = values * sc[1]
print("first three:", values.take([0, 1, 2]).tolist())
print("union:", np.union1d(values[:3], values[3:6]).tolist())
print("scaled mean:", round(float(scaled.mean()), 4))
window = np.lib.stride_tricks.sliding_window_view(values, 3).mean(axis=1).round(3)
print("rolling:", window[:4].tolist())

spark_mean = readings.agg(F.round(F.avg("value"), 4).alias("m")).first().m
print("spark agrees:", spark_mean == round(float(values.mean()), 4))
