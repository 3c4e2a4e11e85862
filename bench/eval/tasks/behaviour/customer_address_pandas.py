from pyspark.sql import functions as F


def run(spark):
    customers = spark.createDataFrame(
        [(1, "Ann", "Main St 5", "Boston"), (2, "Luis", "Elm Rd 12", "Austin")],
        ["id", "name", "street", "city"],
    )
    nested = customers.select("id", "name", F.struct("street", "city").alias("address"))
    pdf = nested.toPandas()
    return sorted(f"{n} lives in {a.city}" for n, a in zip(pdf["name"], pdf["address"]))
