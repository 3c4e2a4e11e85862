# Fixture for SPK107 (Hadoop / pickle / sequence-file RDD I/O).
from pyspark import SparkContext
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
pairs = sc.sequenceFile("/data/pairs.seq", "org.apache.hadoop.io.Text", "org.apache.hadoop.io.IntWritable")  # error: [SPK107]
records = sc.newAPIHadoopFile(  # error: [SPK107]
    "/data/input",
    "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
    "org.apache.hadoop.io.LongWritable",
    "org.apache.hadoop.io.Text",
)
cached = spark.sparkContext.pickleFile("/tmp/cache")  # error: [SPK107]
fixed = SparkContext.getOrCreate().binaryRecords("/data/fixed.bin", 128)  # error: [SPK107]
es = sc.newAPIHadoopRDD("org.elasticsearch.hadoop.mr.EsInputFormat", "k", "v", conf={})  # error: [SPK107]

pairs.saveAsSequenceFile("/out/pairs")  # error: [SPK107]
cached.saveAsPickleFile("/out/cache")  # error: [SPK107]
spark.table("t").rdd.map(lambda r: (r[0], r[1])).saveAsNewAPIHadoopDataset(conf={})  # error: [SPK107]

spark.read.parquet("/data/pairs.parquet").write.mode("overwrite").parquet("/out/pairs")  # ok


class Exporter:
    def saveAsSequenceFile(self, path):
        return path

    def sequenceFile(self, path):
        return path


Exporter().saveAsSequenceFile("/tmp/x")  # ok: a local class
Exporter().sequenceFile("/tmp/x")  # ok
