# corpus: style=job-module
# corpus: expect=remains reason="SPK111 SparkFiles.get inside the UDF stays reported, although the job runs on Connect once addFile became addArtifacts(file=True)"
"""Distributes a small lookup file with addFile and reads it in a UDF through SparkFiles."""
import os
import tempfile

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.functions import udf


def write_lookup():
    path = os.path.join(tempfile.mkdtemp(), "b098_tiers.txt")
    with open(path, "w") as handle:
        handle.write("gold:3\nsilver:2\nbronze:1\n")
    return path


def main():
    spark = SparkSession.builder.appName("tier-weights").getOrCreate()
    spark.sparkContext.addFile(write_lookup())

    @udf("int")
    def tier_weight(tier):
        with open(SparkFiles.get("b098_tiers.txt")) as handle:
            weights = dict(line.strip().split(":") for line in handle if line.strip())
        return int(weights.get(tier, 0))

    members = spark.createDataFrame([("m1", "gold"), ("m2", "bronze"), ("m3", "none")], ["member", "tier"])
    for row in members.select("member", tier_weight("tier").alias("w")).orderBy("member").collect():
        print(row.member, row.w)


if __name__ == "__main__":
    main()
