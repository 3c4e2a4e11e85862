from pyspark.sql import functions as F


def run(spark):
    ids = spark.range(1000, 1010, 2)
    invoices = ids.select(
        F.col("id").alias("invoice_id"),
        F.when(F.col("id") % 4 == 0, 30).otherwise(14).alias("due_days"),
    )
    return [(r.invoice_id, r.due_days) for r in invoices.orderBy("invoice_id").collect()]
