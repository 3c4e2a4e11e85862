# corpus: style=job-module
# corpus: expect=remains reason="SPK119 Hadoop configuration through sc._jsc: set spark.hadoop.* on the server or the session builder"
import os
import tempfile

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("export-to-s3").getOrCreate()
hadoop_conf = spark.sparkContext._jsc.hadoopConfiguration()
hadoop_conf.set("fs.s3a.endpoint", "http://localhost:9000")
hadoop_conf.set("fs.s3a.path.style.access", "true")

out = os.path.join(tempfile.mkdtemp(), "export")
df = spark.createDataFrame([(1, "a"), (2, "b"), (3, "c")], ["id", "v"])
df.write.mode("overwrite").parquet(out)
print(sorted(spark.read.parquet(out).collect()))
