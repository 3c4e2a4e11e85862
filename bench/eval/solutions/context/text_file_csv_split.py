import os
import tempfile


def write_sales(folder):
    path = os.path.join(folder, "sales.csv")
    with open(path, "w") as fh:
        fh.write("store,product,qty\n")
        fh.write("S1,apple,10\nS2,apple,4\nS1,pear,7\nS3,plum,2\nS2,pear,1\n")
    return path


def run(spark):
    path = write_sales(tempfile.mkdtemp())
    df = spark.read.csv(path, header=True, schema="store string, product string, qty long").select("product", "qty")
    return sorted(tuple(r) for r in df.groupBy("product").sum("qty").collect())
