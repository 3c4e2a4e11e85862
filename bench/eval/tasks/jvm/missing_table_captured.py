from pyspark.errors.exceptions.captured import AnalysisException


def read_or_default(spark, table, fallback_rows):
    try:
        return spark.table(table).collect()
    except AnalysisException:
        return spark.createDataFrame(fallback_rows, ["code", "rate"]).collect()


def run(spark):
    rows = read_or_default(spark, "ref_tax_rates_missing", [("DE", 0.19), ("AT", 0.2)])
    return sorted(tuple(r) for r in rows)
