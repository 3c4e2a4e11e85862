from pyspark.sql import functions as F


def run(spark):
    customers = [
        ("C001", "Alice Martin", "Berlin", 34),
        ("C002", "Bruno Silva", "Lisbon", 51),
        ("C003", "Chen Wei", "Berlin", 28),
        ("C004", "Dana Levi", "Haifa", 45),
    ]
    df = spark.createDataFrame(customers, ["id", "name", "city", "age"])
    by_city = df.groupBy("city").agg(F.count("*").alias("n"), F.avg("age").alias("avg_age"))
    return sorted((r.city, r.n, round(r.avg_age, 1)) for r in by_city.collect())
