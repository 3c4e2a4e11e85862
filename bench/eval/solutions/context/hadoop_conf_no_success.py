import os
import tempfile


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "daily_kpis")
    kpis = spark.createDataFrame([("2024-04-01", 0.031), ("2024-04-02", 0.027)], ["day", "churn"])
    kpis.coalesce(1).write.option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false").parquet(out)
    files = os.listdir(out)
    return "_SUCCESS" in files, spark.read.parquet(out).count()
