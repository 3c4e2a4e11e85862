from pyspark.sql import functions as F
from pyspark.sql.classic.dataframe import DataFrame


class SalesFrame(DataFrame):
    @classmethod
    def wrap(cls, df):
        return cls(df._jdf, df.sparkSession)

    def high_value(self, threshold):
        return SalesFrame.wrap(self.filter(F.col("amount") > threshold))

    def revenue(self):
        return round(self.agg(F.sum("amount")).first()[0] or 0.0, 2)


def run(spark):
    raw = spark.createDataFrame(
        [("c1", 250.0), ("c2", 75.5), ("c3", 410.25), ("c1", 12.0)], ["customer", "amount"]
    )
    sales = SalesFrame.wrap(raw)
    big = sales.high_value(100)
    return big.revenue(), big.count(), type(big).__name__
