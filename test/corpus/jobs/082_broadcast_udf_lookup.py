# corpus: style=job-module
# corpus: expect=remains reason="SPK108 broadcast dict read in a UDF needs the closure or a join instead"
"""Maps currency codes to rates through a broadcast variable inside a UDF."""
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import DoubleType

RATES = {"EUR": 1.0, "USD": 0.92, "GBP": 1.17}


def main():
    spark = SparkSession.builder.appName("fx-convert").getOrCreate()
    rates = spark.sparkContext.broadcast(RATES)

    @F.udf(returnType=DoubleType())
    def to_eur(amount, currency):
        return round(amount * rates.value.get(currency, 0.0), 2)

    payments = spark.createDataFrame([("p1", 100.0, "USD"), ("p2", 50.0, "EUR"), ("p3", 10.0, "GBP")],
                                     ["payment", "amount", "currency"])
    payments.withColumn("eur", to_eur("amount", "currency")).orderBy("payment").show()


if __name__ == "__main__":
    main()
