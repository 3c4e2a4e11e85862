from pyspark.sql import functions as F


def countries_with_orders(df, countries):
    found = []
    for c in countries:
        subset = df.where(F.col("country") == c)
        if subset.rdd.isEmpty():
            continue
        found.append(c)
    return found


def run(spark):
    orders = spark.createDataFrame(
        [("o1", "DE"), ("o2", "FR"), ("o3", "DE"), ("o4", "IT")],
        ["order_id", "country"],
    )
    return countries_with_orders(orders, ["DE", "ES", "FR", "IT", "NL"])
