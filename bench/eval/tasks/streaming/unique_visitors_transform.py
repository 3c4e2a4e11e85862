import time

from pyspark.streaming import StreamingContext

CLICKS = [
    [("v1", "/home"), ("v2", "/home"), ("v1", "/cart")],
    [("v3", "/home"), ("v3", "/help"), ("v3", "/home")],
    [("v2", "/cart"), ("v4", "/home"), ("v1", "/home"), ("v4", "/pay")],
]


def run(spark):
    sc = spark.sparkContext
    ssc = StreamingContext(sc, 1)
    clicks = ssc.queueStream([sc.parallelize(batch) for batch in CLICKS])
    visitors = clicks.map(lambda c: c[0]).transform(lambda rdd: rdd.distinct())
    per_batch = []
    visitors.count().foreachRDD(lambda rdd: per_batch.extend(rdd.collect()))
    ssc.start()
    deadline = time.time() + 60
    while len(per_batch) < len(CLICKS) and time.time() < deadline:
        time.sleep(0.2)
    ssc.stop(False, False)
    return per_batch[: len(CLICKS)]
