import os
import tempfile


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "stock.csv")
    with open(path, "w") as f:
        f.write("sku,store,on_hand\nA-1,berlin,12\nA-2,berlin,0\nA-1,paris,7\nB-9,paris,31\n")
    parsed = spark.read.csv(path, header=True, schema="sku string, store string, on_hand int")
    return sorted((r.sku, r.store, r.on_hand) for r in parsed.collect() if r.on_hand > 0)
