# Fixture for SPK101 (SparkContext.parallelize).
from pyspark import SparkContext
from pyspark.sql import SparkSession
from sklearn.preprocessing import StandardScaler

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
numbers = sc.parallelize(range(10))  # error: [SPK101]
pairs = spark.createDataFrame([(1, "a")], ["id", "v"])  # error: [SPK101]
df = spark.createDataFrame(
    [(1,), (2,)],  # error: [SPK101]
    ["id"],
)
ctx = SparkContext.getOrCreate()
more = ctx.parallelize([1, 2, 3], 4)  # error: [SPK101]


def build(context: SparkContext):
    return context.parallelize([1])  # error: [SPK101]


scaler = StandardScaler()
scaler.parallelize = lambda x: x
scaler.parallelize([1])  # ok: not a SparkContext


class Pool:
    def parallelize(self, items):
        return items


Pool().parallelize([1])  # ok: a local class
