# Fixture for SPK604 (streaming query listeners).
from pyspark.sql import SparkSession
from pyspark.sql.streaming import StreamingQueryListener


class ProgressLogger(StreamingQueryListener):
    def onQueryStarted(self, event):
        print(event.id)

    def onQueryProgress(self, event):
        print(event.progress.numInputRows)

    def onQueryTerminated(self, event):
        print(event.id)


spark = SparkSession.builder.getOrCreate()
spark.streams.addListener(ProgressLogger())  # info: [SPK604]


def install(session: SparkSession, listener):
    session.streams.addListener(listener)  # info: [SPK604]


spark.streams.removeListener(ProgressLogger())  # ok: removal


class EventBus:
    def __init__(self):
        self.streams = []

    def addListener(self, fn):
        self.streams.append(fn)


bus = EventBus()
bus.addListener(print)  # ok: a local class
