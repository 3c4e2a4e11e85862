from pyspark.sql import Window, functions as F


def run(spark):
    tickets = spark.createDataFrame(
        [("printer jammed", "low"), ("vpn down", "high"), ("new laptop", "medium"), ("email bounce", "high")],
        ["subject", "priority"],
    )
    with_id = tickets.withColumn("_mono", F.monotonically_increasing_id())
    with_id = with_id.withColumn("ticket_no", F.row_number().over(Window.orderBy("_mono")) - 1).drop("_mono")
    high = with_id.filter("priority = 'high'").orderBy("ticket_no")
    return [(r.ticket_no, r.subject) for r in high.collect()]
