# Fixture for SPK401 (df.toJSON() before 4.2).
# sparkmigrate-test: target-version=4.1
import json

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

payload = [r.value for r in df.select(F.to_json(F.struct("*")).alias("value")).collect()]  # error: [SPK401]
first = json.loads(df.select(F.to_json(F.struct("*")).alias("value")).first().value)  # error: [SPK401]
sample = df.limit(10).toJSON(use_unicode=True).take(3)  # error: [SPK401]
json_rdd = spark.table("sales.orders").toJSON()  # error: [SPK401]


def to_messages(frame: DataFrame):
    return frame.toJSON().map(lambda s: s.encode("utf-8"))  # error: [SPK401]


def publish(orders_df, producer):
    for message in orders_df.toJSON().toLocalIterator():  # error: [SPK401]
        producer.send(message)


# Clean: works everywhere.
payload = [r.value for r in df.select(F.to_json(F.struct("*")).alias("value")).collect()]  # ok
import pandas as pd

pdf = pd.DataFrame({"a": [1]})
text = pdf.to_json()  # ok: pandas


class Record:
    def toJSON(self):
        return "{}"


Record().toJSON()  # ok: a local class
