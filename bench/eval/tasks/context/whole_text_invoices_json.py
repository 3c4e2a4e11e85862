import json
import os
import tempfile


def run(spark):
    folder = tempfile.mkdtemp()
    docs = {
        "inv-001.json": {"customer": "acme", "lines": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1}]},
        "inv-002.json": {"customer": "globex", "lines": [{"sku": "A", "qty": 5}]},
    }
    for name, doc in docs.items():
        with open(os.path.join(folder, name), "w") as fh:
            json.dump(doc, fh, indent=2)
    sc = spark.sparkContext
    parsed = sc.wholeTextFiles(os.path.join(folder, "*.json")).mapValues(json.loads)
    qty = parsed.map(lambda kv: (kv[1]["customer"], sum(l["qty"] for l in kv[1]["lines"])))
    return sorted(qty.collect())
