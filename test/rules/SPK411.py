# Fixture for SPK411 (sameSemantics / semanticHash on a 3.4 Connect client).
# sparkmigrate-test: target-version=3.4
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.table("sales.orders")

same = df.filter("amount > 0").sameSemantics(df.where("amount > 0"))  # error: [SPK411]
key = df.semanticHash()  # error: [SPK411]


def cache_key(frame: DataFrame) -> int:
    return frame.semanticHash()  # error: [SPK411]


# Supported on 3.4.
files = df.inputFiles()  # ok
local = df.isLocal()  # ok


class Plan:
    def semanticHash(self):
        return 0


Plan().semanticHash()  # ok: a local class
