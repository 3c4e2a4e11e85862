from pyspark.sql.types import LongType, StringType, StructField, StructType

ORDER_SCHEMA = StructType([
    StructField("order_id", LongType()),
    StructField("customer", StringType()),
    StructField("status", StringType()),
])


def run(spark):
    empty = spark.createDataFrame(spark.sparkContext.emptyRDD(), ORDER_SCHEMA)
    late = spark.createDataFrame([(7, "zoe", "late"), (9, "yan", "late")], ORDER_SCHEMA)
    combined = empty.union(late)
    return empty.count(), empty.columns, sorted(r.order_id for r in combined.collect())
