# sparkmigrate-test: platform=databricks
# Fixture for SPK906 (DBR-gated UDF features, opt-in).
import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf, udf, udtf

spark = SparkSession.builder.getOrCreate()
df = spark.table("main.sales.orders")


def normalise(pdf: pd.DataFrame) -> pd.DataFrame:
    return pdf.assign(amount=pdf.amount / pdf.amount.sum())


result = df.groupBy("customer_id").applyInPandas(normalise, schema="customer_id long, amount double")  # info: [SPK906]
mapped = df.mapInPandas(lambda it: it, schema=df.schema)  # info: [SPK906]


@pandas_udf("double")  # info: [SPK906]
def doubled(s: pd.Series) -> pd.Series:
    return s * 2


@udtf(returnType="word string")  # info: [SPK906]
class Words:
    def eval(self, text: str):
        for w in text.split():
            yield (w,)


arrow_upper = udf(lambda s: s.upper(), "string", useArrow=True)  # info: [SPK906]
plain_upper = udf(lambda s: s.upper(), "string")  # ok: a plain Python UDF
summed = df.groupBy("day").agg(F.sum("amount"))  # ok
pdf = pd.DataFrame({"a": [1]})
pdf.apply(lambda r: r)  # ok: pandas
