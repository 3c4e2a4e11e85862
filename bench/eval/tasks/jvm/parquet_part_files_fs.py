import os
import tempfile


def part_files(spark, path):
    jvm = spark._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(spark._jsc.hadoopConfiguration())
    return sorted(s.getPath().getName() for s in fs.listStatus(hadoop_path) if s.getPath().getName().startswith("part-"))


def run(spark):
    out = os.path.join(tempfile.mkdtemp(), "orders_by_region")
    orders = spark.createDataFrame([(i, ["eu", "us", "apac"][i % 3], i * 2.5) for i in range(60)], ["id", "region", "amount"])
    orders.repartition(3).write.parquet(out)
    files = part_files(spark, out)
    return len(files), all(f.endswith(".parquet") for f in files), spark.read.parquet(out).count()
