# corpus: style=job-module
# corpus: expect=migrates
"""Fraud rules as UDFs built in a loop from a config dict."""
from pyspark.sql import SparkSession
from pyspark.sql.functions import udf

RULES = {"small": 10, "medium": 100, "large": 1000}


def build_rule_columns():
    columns = []
    for name, limit in sorted(RULES.items()):
        over = udf(lambda amount: amount is not None and amount > limit, "boolean")
        columns.append(over("amount").alias(f"over_{name}"))
    return columns


def main():
    spark = SparkSession.builder.appName("fraud-rules").getOrCreate()
    payments = spark.createDataFrame(
        [("p1", 5.0), ("p2", 50.0), ("p3", 500.0), ("p4", 5000.0), ("p5", None)], "payment STRING, amount DOUBLE"
    )
    flagged = payments.select("payment", *build_rule_columns()).orderBy("payment")
    flagged.show(truncate=False)
    print("flagged large:", flagged.filter("over_large").count())


if __name__ == "__main__":
    main()
