# corpus: style=tutorial
# corpus: expect=migrates
# How to create an empty DataFrame and append batches to it (a common StackOverflow answer).
from pyspark import SparkContext
from pyspark.sql import SparkSession
from pyspark.sql.types import StructType, StructField, StringType, LongType

sc = SparkContext.getOrCreate()
spark = SparkSession(sc)

schema = StructType([StructField("sensor", StringType()), StructField("reading", LongType())])
result = spark.createDataFrame(sc.emptyRDD(), schema)
print("empty count:", result.count())
result.printSchema()

batches = [
    [("s1", 10), ("s2", 12)],
    [("s1", 11), ("s3", 7)],
    [("s2", 15)],
]
for batch in batches:
    result = result.union(spark.createDataFrame(batch, schema))

result.groupBy("sensor").agg({"reading": "max"}).orderBy("sensor").show()
print("total rows:", result.count())
