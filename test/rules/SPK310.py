# Fixture for SPK310 (DataFrames built from RDDs).
from pyspark import RDD, SparkConf, SparkContext
from pyspark.sql import DataFrame, Row, SQLContext, SparkSession

conf = SparkConf().setAppName("classic")
sc = SparkContext(conf=conf)
sqlContext = SQLContext(sc)
spark = SparkSession.builder.getOrCreate()
df = spark.read.parquet("/data/people")

# Classic app skeleton (catalogue shape 9).
rdd = sc.textFile("/data/people.csv").map(lambda line: line.split(","))
people = sqlContext.createDataFrame(rdd)  # error: [SPK310]
people_df = rdd.toDF(["name", "age"])  # error: [SPK310]
rows = rdd.map(lambda p: Row(name=p[0], age=int(p[1])))
typed = spark.createDataFrame(rows, "name string, age int")  # error: [SPK310]
renamed = spark.createDataFrame(df.rdd, df.schema)  # error: [SPK310]
from_data = spark.createDataFrame(data=rows)  # error: [SPK310]
inline = spark.createDataFrame(sc.parallelize(range(5)).map(lambda i: Row(id=i)))  # error: [SPK310]
chained = sc.textFile("/data/x.csv").map(lambda l: l.split(",")).toDF(["a", "b"])  # error: [SPK310]


def load(path) -> RDD:
    return sc.textFile(path)


loaded = load("/data/y.csv").toDF()  # error: [SPK310]


def to_frame(people_rdd):
    return people_rdd.toDF(["name", "age"])  # error: [SPK310]


def to_frame2(session: SparkSession, rdd):
    return session.createDataFrame(rdd, ["name", "age"])  # error: [SPK310]


# Two statements: parallelize, then toDF / createDataFrame, the RDD used nowhere else.
def two_statements():
    data = [(1, "a"), (2, "b")]
    pairs = sc.parallelize(data)
    first = pairs.toDF(["id", "v"])  # error: [SPK310]
    more = sc.parallelize([(3, "c")])
    second = spark.createDataFrame(more, "id int, v string")  # error: [SPK310]
    reused = sc.parallelize(data)
    third = reused.toDF(["id", "v"])  # error: [SPK310]
    return first, second, third, reused.count()


# An RDD made directly by the SparkContext is the SparkContext rules' (SPK1xx).
direct = sc.parallelize([(1, "a")]).toDF(["id", "v"])  # ok
empty = spark.createDataFrame(sc.emptyRDD(), "id int")  # ok
# df.rdd.map(...).toDF() is SPK306's.
mapped = df.rdd.map(lambda r: (r.name,)).toDF(["name"])  # ok

# Clean.
local = spark.createDataFrame([(1, "a")], ["id", "v"])  # ok
renamed_ok = df.toDF("a", "b")  # ok: DataFrame.toDF
import pandas as pd

pdf_frame = spark.createDataFrame(pd.DataFrame({"a": [1]}))  # ok
