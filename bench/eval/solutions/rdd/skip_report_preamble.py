import os
import tempfile

from pyspark.sql import Window, functions as F


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "report.txt")
    with open(path, "w") as f:
        f.write("# exported by billing v2\n# 2024-05-01\nacme,1200\nglobex,340\ninitech,875\n")
    lines = spark.read.text(path).withColumn("_order", F.monotonically_increasing_id())
    numbered = lines.withColumn("idx", F.row_number().over(Window.orderBy("_order")) - 1)
    data = numbered.filter("idx >= 2").orderBy("idx")
    return [(name, int(amount)) for name, amount in (r.value.split(",") for r in data.collect())]
