# Fixture for SPK203 (DataFrame JVM handles).
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.dataframe import DataFrame as SparkDataFrame

spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/orders")

plan = df._jdf.queryExecution().optimizedPlan().toString()  # error: [SPK203]
tree = df._jdf.schema().treeString()  # error: [SPK203]
wrapped = DataFrame(df._jdf.dropDuplicates(), spark)  # error: [SPK203]
seq = df._jseq(["a", "b"])  # error: [SPK203]
cols = df._jcols("a", "b")  # error: [SPK203]
mapping = df._jmap({"a": "1"})  # error: [SPK203]


def explain_string(frame: DataFrame) -> str:
    return frame._jdf.queryExecution().toString()  # error: [SPK203]


def from_helper(frame):
    # An unannotated parameter in a helper module: `_jdf` is pyspark's.
    return frame._jdf.isEmpty()  # error: [SPK203]


def call_scala(jdf_fn, frame, session):
    jdf = jdf_fn(frame)
    return SparkDataFrame(jdf, session)  # error: [SPK203]


class Cleaner:
    def __init__(self, session: SparkSession):
        self.spark = session

    def dedupe(self, frame: DataFrame):
        return frame.sparkSession._jvm.com.example.Dedupe.apply(frame._jdf)  # error: [SPK203]


# Clean: the public API.
df.explain(mode="formatted")  # ok
df.printSchema()  # ok


class Frame:
    def __init__(self):
        self._jdf = None

    def handle(self):
        return self._jdf  # ok: a local class's attribute


frame_obj = Frame()
frame_obj._jdf  # ok: an instance of a local class
