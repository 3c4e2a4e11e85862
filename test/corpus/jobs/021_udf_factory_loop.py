# corpus: style=tutorial
# corpus: expect=migrates
# One UDF per tax band, built in a loop.
from pyspark.sql import SparkSession
from pyspark.sql.functions import udf
from pyspark.sql.types import DoubleType

spark = SparkSession.builder.appName("udf-loop").getOrCreate()

prices = spark.createDataFrame([(1, 10.0), (2, 25.0), (3, 99.0)], ["id", "net"])

rates = {"low": 0.05, "mid": 0.1, "high": 0.2}
columns = []
for band, rate in sorted(rates.items()):
    with_tax = udf(lambda net: round(net * (1 + rate), 2), DoubleType())
    columns.append(with_tax("net").alias(f"gross_{band}"))

prices.select("id", "net", *columns).orderBy("id").show()
