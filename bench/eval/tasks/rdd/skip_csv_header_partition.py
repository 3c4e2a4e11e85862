import os
import tempfile
from itertools import islice


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "stock.csv")
    with open(path, "w") as f:
        f.write("sku,store,on_hand\nA-1,berlin,12\nA-2,berlin,0\nA-1,paris,7\nB-9,paris,31\n")
    lines = spark.read.text(path)
    body = lines.rdd.mapPartitionsWithIndex(lambda idx, it: islice(it, 1, None) if idx == 0 else it)
    parsed = body.map(lambda r: r.value.split(",")).map(lambda p: (p[0], p[1], int(p[2])))
    return sorted(t for t in parsed.collect() if t[2] > 0)
