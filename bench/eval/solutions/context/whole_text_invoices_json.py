import json
import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    folder = tempfile.mkdtemp()
    docs = {
        "inv-001.json": {"customer": "acme", "lines": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1}]},
        "inv-002.json": {"customer": "globex", "lines": [{"sku": "A", "qty": 5}]},
    }
    for name, doc in docs.items():
        with open(os.path.join(folder, name), "w") as fh:
            json.dump(doc, fh, indent=2)
    raw = spark.read.text(os.path.join(folder, "*.json"), wholetext=True)
    parsed = raw.select(F.from_json("value", "customer string, lines array<struct<sku:string, qty:int>>").alias("d"))
    qty = parsed.select(
        F.col("d.customer").alias("customer"),
        F.aggregate("d.lines", F.lit(0), lambda acc, l: acc + l["qty"]).alias("qty"),
    )
    return sorted((r.customer, r.qty) for r in qty.collect())
