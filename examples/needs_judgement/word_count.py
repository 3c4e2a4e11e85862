"""Classic-only code that has no mechanical Connect rewrite: `sparkmigrate check` explains each
finding, `sparkmigrate fix` leaves them to a person (they are reported as remaining)."""
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext


def word_count(path):
    # An RDD pipeline: rewrite with spark.read.text + explode/split + groupBy().count().
    lines = sc.textFile(path)
    counts = lines.flatMap(lambda line: line.split()).map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b)
    return counts.toDF(["word", "count"])


def enrich_states(people):
    # A broadcast variable read in rdd.map: rewrite as a join with F.broadcast(small_df).
    states = {"NY": "New York", "CA": "California"}
    lookup = sc.broadcast(states)
    return people.rdd.map(lambda r: (r.name, lookup.value[r.state])).toDF(["name", "state_name"])


def count_rows(orders):
    # An accumulator updated in foreach: use an aggregation (orders.count()) instead.
    counter = sc.accumulator(0)
    orders.foreach(lambda r: counter.add(1))
    return counter.value


def partitions(orders):
    # Partitioning is the server's business under Connect.
    return orders.rdd.getNumPartitions()


def configure_s3():
    # Hadoop settings belong in the server's configuration.
    sc._jsc.hadoopConfiguration().set("fs.s3a.endpoint", "http://minio:9000")


def ids():
    # RDD operations after parallelize: spark.range(100).select(...) by hand.
    return sc.parallelize(range(100)).map(lambda i: (i,)).toDF(["id"])
