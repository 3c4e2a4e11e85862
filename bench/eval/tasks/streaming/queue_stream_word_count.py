import time
from operator import add

from pyspark.streaming import StreamingContext

BATCHES = [
    ["error disk full", "info started"],
    ["error timeout", "warn slow disk"],
    ["info stopped", "error disk full"],
]


def run(spark):
    sc = spark.sparkContext
    ssc = StreamingContext(sc, 1)
    queue = [sc.parallelize(lines) for lines in BATCHES]
    lines = ssc.queueStream(queue)
    counts = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1)).reduceByKey(add)
    seen, totals = [], {}

    def collect(rdd):
        for word, n in rdd.collect():
            totals[word] = totals.get(word, 0) + n
        seen.append(1)

    counts.foreachRDD(collect)
    ssc.start()
    deadline = time.time() + 60
    while len(seen) < len(BATCHES) and time.time() < deadline:
        time.sleep(0.2)
    ssc.stop(stopSparkContext=False, stopGraceFully=False)
    return sorted(totals.items())
