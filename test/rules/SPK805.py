# Fixture for SPK805 (toPandas() of struct columns gives dicts on Spark Connect).
from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.getOrCreate()


def nested_report():
    people = spark.createDataFrame([(1, "ann", 3.0)], ["id", "name", "score"])
    nested = people.select("id", F.struct("name", "score").alias("s"))
    pdf = nested.toPandas()  # warning: [SPK805]
    return [v.name for v in pdf["s"]]


def typed():
    frame = spark.createDataFrame([(1, ("a", 2))], "id INT, s STRUCT<name: STRING, n: INT>")
    return frame.toPandas()  # warning: [SPK805]


inline = spark.sql("SELECT named_struct('a', 1) AS s").toPandas()  # warning: [SPK805]


# Clean: no struct column in sight, or flattened before converting.
def flat():
    people = spark.createDataFrame([(1, "ann")], ["id", "name"])
    return people.toPandas()  # ok



def rows():
    nested = spark.range(1).select(F.struct("id").alias("s"))
    return [row.s.id for row in nested.collect()]  # ok


# Reported although flattened: the rule sees that a struct is built, not what select keeps.
def flattened():
    nested = spark.range(1).select(F.struct("id").alias("s"))
    return nested.select("s.*").toPandas()  # warning: [SPK805]
