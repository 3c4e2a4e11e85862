from pyspark.sql import functions as F


def run(spark):
    customers = spark.createDataFrame(
        [(1, "Ann", "Main St 5", "Boston"), (2, "Luis", "Elm Rd 12", "Austin")],
        ["id", "name", "street", "city"],
    )
    nested = customers.select("id", "name", F.struct("street", "city").alias("address"))
    rows = nested.collect()
    return sorted(f"{r.name} lives in {r.address.city}" for r in rows)
