# Fixture for SPK108 (SparkContext.broadcast).
from pyspark import SparkContext
from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.getOrCreate()
states = {"NY": "New York", "CA": "California", "FL": "Florida"}
broadcast_states = spark.sparkContext.broadcast(states)  # error: [SPK108]
sc = spark.sparkContext
bc = sc.broadcast([1, 2, 3])  # error: [SPK108]


def share(context: SparkContext, model):
    return context.broadcast(model)  # error: [SPK108]


class Enricher:
    def __init__(self, spark_session):
        self.spark_context = spark_session.sparkContext

    def share(self, value):
        return self.spark_context.broadcast(value)  # error: [SPK108]


df = spark.table("people")
lookup = spark.createDataFrame(list(states.items()), ["code", "name"])
joined = df.join(F.broadcast(lookup), "code")  # ok: the join hint
state_name = F.udf(lambda code: states.get(code))  # ok


class Channel:
    def broadcast(self, message):
        return message


Channel().broadcast("hello")  # ok: a local class
