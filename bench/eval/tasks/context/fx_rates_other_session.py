from pyspark.sql import functions as F


def run(spark):
    rates_session = spark.newSession()
    rates = rates_session.createDataFrame([("EUR", 1.0), ("USD", 0.92), ("GBP", 1.17)], ["ccy", "to_eur"])
    invoices = spark.createDataFrame(
        [("INV-1", "USD", 100.0), ("INV-2", "GBP", 40.0), ("INV-3", "EUR", 55.5)],
        ["invoice", "ccy", "amount"],
    )
    eur = invoices.join(rates, "ccy").select("invoice", F.round(F.col("amount") * F.col("to_eur"), 2).alias("eur"))
    return sorted(tuple(r) for r in eur.collect())
