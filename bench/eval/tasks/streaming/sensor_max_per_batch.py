import time

from pyspark.streaming import StreamingContext


def parse(line):
    sensor, value = line.split(":")
    return sensor, float(value)


def run(spark):
    sc = spark.sparkContext
    batches = [
        ["t1:20.5", "t2:21.0", "t1:22.25"],
        ["t2:19.75", "t1:18.0"],
        ["t1:25.5", "t2:24.0", "t2:26.5"],
    ]
    ssc = StreamingContext(sc, 1)
    stream = ssc.queueStream([sc.parallelize(b) for b in batches], oneAtATime=True)
    peaks = stream.map(parse).reduceByKey(max)
    results = []
    peaks.foreachRDD(lambda rdd: results.append(sorted(rdd.collect())))
    ssc.start()
    deadline = time.time() + 60
    while len(results) < len(batches) and time.time() < deadline:
        ssc.awaitTerminationOrTimeout(0.2)
    ssc.stop(stopSparkContext=False)
    return results[: len(batches)]
