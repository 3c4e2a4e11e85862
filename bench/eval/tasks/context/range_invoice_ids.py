from pyspark.sql import Row


def run(spark):
    sc = spark.sparkContext
    ids = sc.range(1000, 1010, 2)
    invoices = spark.createDataFrame(ids.map(lambda i: Row(invoice_id=i, due_days=30 if i % 4 == 0 else 14)))
    return [(r.invoice_id, r.due_days) for r in invoices.orderBy("invoice_id").collect()]
