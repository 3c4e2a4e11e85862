from pyspark.sql.functions import col, udf


def run(spark):
    products = spark.createDataFrame([("kettle", 30.0), ("toaster", 45.0), ("blender", 80.0)], ["name", "price"])
    for pct in [10, 25, 40]:
        discount = udf(lambda p, pct=pct: round(p * (100 - pct) / 100, 2), "double")
        products = products.withColumn(f"off_{pct}", discount(col("price")))
    return sorted(tuple(r) for r in products.collect())
