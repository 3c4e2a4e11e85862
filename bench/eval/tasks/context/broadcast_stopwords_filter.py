from pyspark import SparkContext
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, StringType

STOPWORDS = {"the", "a", "and", "of", "to", "is"}


def run(spark):
    sc = SparkContext.getOrCreate()
    stop_bc = sc.broadcast(STOPWORDS)
    clean = F.udf(lambda words: [w for w in words if w not in stop_bc.value], ArrayType(StringType()))
    tweets = spark.createDataFrame([("t1", "the price of the phone is high"), ("t2", "a fast and cheap laptop")], ["id", "text"])
    out = tweets.select("id", clean(F.split("text", " ")).alias("tokens"))
    return sorted((r.id, r.tokens) for r in out.collect())
