import os
import tempfile


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "orders.txt")
    with open(path, "w") as fh:
        fh.write("A-1|books|12;A-2|games|60;A-3|books|8;A-4|music|15")
    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("textinputformat.record.delimiter", ";")
    records = sc.textFile(path).map(lambda r: r.split("|")).map(lambda p: (p[1], int(p[2])))
    totals = sorted(records.reduceByKey(lambda a, b: a + b).collect())
    sc._jsc.hadoopConfiguration().unset("textinputformat.record.delimiter")
    return totals
