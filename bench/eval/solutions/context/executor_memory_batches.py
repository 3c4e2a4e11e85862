from pyspark.sql import SparkSession

EXECUTOR_MEMORY_GB = 4


def run(spark):
    session = SparkSession.builder.appName("batch-export").getOrCreate()
    rows_per_batch = EXECUTOR_MEMORY_GB * 250
    orders = session.range(0, 2600).withColumnRenamed("id", "order_id")
    batches = orders.selectExpr(f"floor(order_id / {rows_per_batch}) AS batch").distinct().count()
    return rows_per_batch, batches
