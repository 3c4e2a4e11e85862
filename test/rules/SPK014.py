# Fixture for SPK014 (a SparkSession, SparkContext or DataFrame captured by a UDF or a
# function shipped to the server).
import pandas as pd
from pyspark.sql import SparkSession, functions as F
from pyspark.sql.functions import pandas_udf, udf
from pyspark.sql.types import DoubleType, StringType

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
rates = spark.read.table("fx_rates")
threshold = 0.5


def rate_for(ccy):
    return rates.filter(F.col("ccy") == ccy).first()["rate"]


to_rate = udf(rate_for, DoubleType())  # error: [SPK014]
lookup = F.udf(lambda key: spark.sql(f"SELECT v FROM t WHERE k = '{key}'").first()[0])  # error: [SPK014]
tagged = F.udf(f=rate_for, returnType=DoubleType())  # error: [SPK014]


@udf(returnType=StringType())  # error: [SPK014]
def app_tag(value):
    return f"{sc.appName}:{value}"


@pandas_udf("double")  # error: [SPK014]
def scaled(values: pd.Series) -> pd.Series:
    return values * rates.count()


def enrich(batches):
    for pdf in batches:
        yield pdf.assign(total=rates.count())


orders = spark.read.table("orders")
enriched = orders.mapInPandas(enrich, "id long, total long")  # error: [SPK014]
orders.foreachPartition(lambda rows: spark.range(1).collect())  # error: [SPK014]
per_key = orders.groupBy("ccy").applyInPandas(  # error: [SPK014]
    lambda pdf: pdf.assign(n=rates.count()), "ccy string, n long"
)
spark.udf.register("rate_for", rate_for, DoubleType())  # error: [SPK014]

def flag(spark):
    lookup = spark.range(3)

    @udf("long")  # error: [SPK014]
    def size(x):
        return lookup.count() + x

    return spark.range(2).select(size("id")).collect()


# Plain values in the closure are fine.
above = F.udf(lambda x: x > threshold)  # ok


@udf(returnType=DoubleType())  # ok
def doubled(x):
    return x * 2.0


def add_one(batches):
    for pdf in batches:
        yield pdf.assign(id=pdf["id"] + 1)


shifted = orders.mapInPandas(add_one, "id long")  # ok


def uses_its_own(batch_df, batch_id):
    batch_df.sparkSession.sql("SELECT 1")  # ok: the session comes from the argument


class Scorer:
    def udf(self, fn):
        return fn


Scorer().udf(rate_for)  # ok: a local class
pd_frame = pd.DataFrame({"a": [1]})
pd_frame.apply(lambda row: rates.count(), axis=1)  # ok: pandas
