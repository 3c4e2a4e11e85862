from pyspark.sql.types import IntegerType, StringType, StructField, StructType

SCHEMA = StructType([
    StructField("sensor", StringType()),
    StructField("reading", IntegerType()),
])


def run(spark):
    readings = [("t-01", 21), ("t-02", 19), ("t-03", 22.5), ("t-01", 23), ("t-02", 18.75)]
    df = spark.createDataFrame(readings, SCHEMA, verifySchema=False)
    rows = df.groupBy("sensor").agg({"reading": "sum"}).collect()
    return sorted((r["sensor"], r["sum(reading)"]) for r in rows)
