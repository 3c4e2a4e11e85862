from pyspark.sql import functions as F


def run(spark):
    quotes = spark.createDataFrame(
        [("AAPL", 189.3), ("MSFT", 411.2), ("AAPL", 191.0), ("GOOG", 140.1), ("MSFT", 405.9)],
        ["ticker", "price"],
    )
    highs = quotes.groupBy("ticker").agg(F.max("price").alias("high")).orderBy("ticker")
    rows = highs.collect()
    tickers = [r["ticker"] for r in rows]
    values = [r[1] for r in rows]
    return dict(zip(tickers, values))
