# Fixture for SPK601 (DStreams).
from pyspark import SparkContext, SparkConf
from pyspark.streaming import StreamingContext  # error: [SPK601]
from pyspark.streaming.kafka import KafkaUtils  # error: [SPK601]
import pyspark.streaming as streaming  # error: [SPK601]
from pyspark import streaming as dstreams  # error: [SPK601]
import os, pyspark.streaming  # error: [SPK601]

conf = SparkConf().setAppName("NetworkWordCount")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
ssc = StreamingContext(sc, 10)  # error: [SPK601]
lines = ssc.socketTextStream("localhost", 9999)
counts = lines.flatMap(lambda line: line.split(" ")).map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b)
counts.pprint()
counts.foreachRDD(lambda rdd: print(rdd.count()))  # error: [SPK601]
stream = KafkaUtils.createDirectStream(ssc, ["events"], {"metadata.broker.list": "kafka:9092"})  # error: [SPK601]
restored = StreamingContext.getOrCreate("/chk", lambda: ssc)  # error: [SPK601]
other = streaming.StreamingContext(sc, 5)  # error: [SPK601]
spelled_out = pyspark.streaming.StreamingContext(sc, 5)  # error: [SPK601]
ssc.start()
ssc.awaitTermination()


def sink(stream):
    stream.foreachRDD(lambda rdd: rdd.saveAsTextFile("/out"))  # error: [SPK601]


events = spark.readStream.format("kafka").option("subscribe", "events").load()  # ok: Structured Streaming
text = "from pyspark.streaming import StreamingContext"  # ok: a string


class Bus:
    def foreachRDD(self, fn):
        return fn


Bus().foreachRDD(print)  # ok: a local class
