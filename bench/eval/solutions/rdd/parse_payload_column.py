from pyspark.sql import functions as F


def run(spark):
    raw = spark.createDataFrame(
        [
            (1, '{"sku": "A1", "qty": 2, "price": 9.5}'),
            (2, '{"sku": "B7", "qty": 1, "price": 120.0}'),
            (3, '{"sku": "A1", "qty": 5, "price": 9.5}'),
        ],
        ["msg_id", "payload"],
    )
    parsed = raw.select(F.from_json("payload", "price double, qty long, sku string").alias("p")).select("p.*")
    totals = parsed.groupBy("sku").sum("qty").orderBy("sku")
    return [tuple(r) for r in totals.collect()]
