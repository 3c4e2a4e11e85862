import json


def run(spark):
    customers = spark.createDataFrame(
        [
            (101, "Alice Martin", "alice@example.com", "gold"),
            (102, "Bob Chen", "bob@example.com", "silver"),
            (103, "Carla Diaz", None, "bronze"),
        ],
        "customer_id int, name string, email string, tier string",
    )
    payload = [json.loads(line) for line in customers.toJSON().collect()]
    return sorted(payload, key=lambda rec: rec["customer_id"])
