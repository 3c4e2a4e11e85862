from pyspark.sql.functions import udf

RATES = [("EUR", 0.92), ("GBP", 0.79), ("JPY", 151.3)]


def run(spark):
    invoices = spark.createDataFrame([("inv-1", 100.0), ("inv-2", 250.0)], ["invoice", "usd"])
    columns = [invoices["invoice"], invoices["usd"]]
    for code, rate in RATES:
        convert = udf(lambda amount: round(amount * rate, 2), "double")
        columns.append(convert("usd").alias(code.lower()))
    return sorted(tuple(r) for r in invoices.select(*columns).collect())
