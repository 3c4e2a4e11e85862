# corpus: style=job-module
# corpus: expect=remains reason="SPK104 textFile + map(split) parsing into a DataFrame needs spark.read.text and split()"
"""Parses web-server access logs with textFile and map(split)."""
import os

from pyspark.sql import Row, SparkSession

LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "b_access.log")


def parse(line):
    ip, method, path, status, size = line.split(" ")
    return Row(ip=ip, method=method, path=path, status=int(status), bytes=int(size))


def main():
    spark = SparkSession.builder.appName("access-logs").getOrCreate()
    sc = spark.sparkContext
    rows = sc.textFile(LOG).map(parse)
    logs = spark.createDataFrame(rows)
    logs.groupBy("status").count().orderBy("status").show()
    errors = logs.filter("status >= 400").orderBy("path")
    print("error paths:", [r.path for r in errors.collect()])


if __name__ == "__main__":
    main()
