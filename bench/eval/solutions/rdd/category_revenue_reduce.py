from pyspark.sql import functions as F


def run(spark):
    sales = spark.createDataFrame(
        [("electronics", 299.99), ("garden", 45.5), ("electronics", 89.0), ("toys", 19.99),
         ("garden", 12.25), ("toys", 5.0), ("electronics", 15.5)],
        ["category", "amount"],
    )
    revenue = sales.groupBy("category").agg(F.sum("amount").alias("total")).orderBy("category")
    return [(r.category, round(r.total, 2)) for r in revenue.collect()]
