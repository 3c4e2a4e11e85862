# Fixture for SPK412 (pandas API on Spark on a 3.4 Connect client).
# sparkmigrate-test: target-version=3.4
import pyspark.pandas as ps  # error: [SPK412]
from pyspark import pandas as pspd  # error: [SPK412]
from pyspark.pandas import DataFrame as PandasOnSparkDataFrame  # error: [SPK412]
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.table("sales.orders")

psdf = df.pandas_api(index_col="id")  # error: [SPK412]
old = df.to_pandas_on_spark()  # error: [SPK412]


def as_pandas_on_spark(frame: DataFrame):
    return frame.pandas_api()  # error: [SPK412]


# Guarded optional import.
try:
    import pyspark.pandas as maybe_ps  # ok
except ImportError:
    maybe_ps = None

# Clean.
import pandas as pd

local = df.toPandas()  # ok
frame = pd.DataFrame({"a": [1]})  # ok: pandas


class Adapter:
    def pandas_api(self):
        return None


Adapter().pandas_api()  # ok: a local class
