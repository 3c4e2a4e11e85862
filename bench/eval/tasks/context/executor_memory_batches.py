from pyspark.sql import SparkSession


def memory_gb(spark):
    value = spark.conf.get("spark.executor.memory", "1g")
    return int(value.rstrip("gG"))


def run(spark):
    session = SparkSession.builder.appName("batch-export").config("spark.executor.memory", "4g").getOrCreate()
    rows_per_batch = memory_gb(session) * 250
    orders = session.range(0, 2600).withColumnRenamed("id", "order_id")
    batches = orders.selectExpr(f"floor(order_id / {rows_per_batch}) AS batch").distinct().count()
    return rows_per_batch, batches
