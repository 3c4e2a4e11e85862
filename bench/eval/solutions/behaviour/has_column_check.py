from pyspark.sql.utils import AnalysisException


def has_column(df, name):
    try:
        df.select(name).columns
        return True
    except AnalysisException:
        return False


def run(spark):
    customers = spark.createDataFrame([(1, "Ann", "NY"), (2, "Raj", "SF")], ["id", "name", "city"])
    wanted = ["id", "city", "phone", "loyalty_tier"]
    return {c: has_column(customers, c) for c in wanted}
