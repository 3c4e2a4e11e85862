# Fixture for SPK804 (UDFs created in a loop that read the loop variable).
import pyspark.sql.functions as F
from pyspark.sql import SparkSession
from pyspark.sql.functions import col, pandas_udf, udf

spark = SparkSession.builder.getOrCreate()
df = spark.range(10)

for j in range(3):
    add_j = udf(lambda v, j=j: v + j, "long")  # warning: [SPK804]
    df = df.withColumn(f"plus_{j}", add_j(col("id")))

for factor in [2, 3]:
    times = F.udf(lambda v, factor=factor: v * factor, "long")  # warning: [SPK804]
    spark.udf.register(f"times_{factor}", lambda v, factor=factor: v * factor, "long")  # warning: [SPK804]
    df = df.withColumn(f"times_{factor}", times("id"))

for offset in [1, 2]:
    @pandas_udf("long")
    def shifted(s, offset=offset):  # warning: [SPK804]
        return s + offset

    def scale(v, offset=offset):
        return v * offset

    scaled = udf(scale, "long")  # warning: [SPK804]
    df = df.withColumn(f"shift_{offset}", shifted("id")).withColumn(f"scale_{offset}", scaled("id"))

for j in range(3):
    bound = udf(lambda v, j=j: v + j, "long")  # ok: bound as a default argument
    plain = udf(lambda v: v + 1, "long")  # ok: does not read the loop variable
    df = df.withColumn(f"b_{j}", bound("id")).withColumn(f"p_{j}", plain("id"))


def make(j):
    return udf(lambda v: v + j, "long")  # ok: a factory binds the value


adders = [make(j) for j in range(3)]
for j in range(3):
    handlers = sorted([1, 2], key=lambda v: v + j)  # ok: not a UDF
df.show()
