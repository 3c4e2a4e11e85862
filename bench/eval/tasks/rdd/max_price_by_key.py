from pyspark.sql import functions as F


def run(spark):
    quotes = spark.createDataFrame(
        [("AAPL", 189.3), ("MSFT", 411.2), ("AAPL", 191.0), ("GOOG", 140.1), ("MSFT", 405.9)],
        ["ticker", "price"],
    )
    highs = quotes.groupBy("ticker").agg(F.max("price").alias("high")).orderBy("ticker")
    tickers = highs.rdd.map(lambda r: r["ticker"]).collect()
    values = highs.rdd.map(lambda r: r[1]).collect()
    return dict(zip(tickers, values))
