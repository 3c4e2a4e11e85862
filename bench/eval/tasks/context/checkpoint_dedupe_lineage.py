import os
import tempfile

from pyspark import SparkContext


def run(spark):
    sc = SparkContext.getOrCreate()
    sc.setCheckpointDir(os.path.join(tempfile.mkdtemp(), "chk"))
    contacts = spark.createDataFrame(
        [("ann@x.io", "Ann"), ("bob@x.io", "Bob"), ("ann@x.io", "Ann B."), ("cy@x.io", "Cy")],
        ["email", "name"],
    )
    deduped = contacts.dropDuplicates(["email"]).checkpoint(eager=True)
    return deduped.count(), sorted(r.email for r in deduped.collect())
