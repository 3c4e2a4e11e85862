from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType


def run(spark):
    raw = spark.createDataFrame(
        [("c-1", 3, 14.0), ("c-2", 1, 99.5), ("c-3", 12, 2.0)],
        ["_c0", "_c1", "_c2"],
    )
    schema = StructType([
        StructField("customer_id", StringType()),
        StructField("visits", LongType()),
        StructField("avg_spend", DoubleType()),
    ])
    customers = raw.toDF(*schema.fieldNames()).to(schema)
    top = customers.orderBy(customers.avg_spend.desc()).first()
    return customers.columns, top.customer_id
