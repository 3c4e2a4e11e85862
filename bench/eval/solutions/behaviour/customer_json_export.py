import json

from pyspark.sql import functions as F


def run(spark):
    customers = spark.createDataFrame(
        [
            (101, "Alice Martin", "alice@example.com", "gold"),
            (102, "Bob Chen", "bob@example.com", "silver"),
            (103, "Carla Diaz", None, "bronze"),
        ],
        "customer_id int, name string, email string, tier string",
    )
    as_json = customers.select(F.to_json(F.struct("*")).alias("value"))
    payload = [json.loads(row.value) for row in as_json.collect()]
    return sorted(payload, key=lambda rec: rec["customer_id"])
