import os
import tempfile


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "report.txt")
    with open(path, "w") as f:
        f.write("# exported by billing v2\n# 2024-05-01\nacme,1200\nglobex,340\ninitech,875\n")
    numbered = spark.read.text(path).rdd.zipWithIndex()
    data = numbered.filter(lambda p: p[1] >= 2).map(lambda p: p[0].value.split(","))
    return [(name, int(amount)) for name, amount in data.collect()]
