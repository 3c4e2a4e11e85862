from pyspark.sql import functions as F


def run(spark):
    orders = spark.createDataFrame(
        [("o-1001", "2024-03-01", 3, 19.99), ("o-1002", "2024-03-02", 1, 5.50), ("o-1003", "2024-03-02", 7, 2.25)],
        ["order_id", "order_date", "qty", "unit_price"],
    )
    biggest = (orders.withColumn("total", F.round(F.col("qty") * F.col("unit_price"), 2))
               .orderBy(F.desc("total")))
    message = biggest.toJSON().first()
    return "ORDER " + message
