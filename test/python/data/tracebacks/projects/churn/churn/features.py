"""Features for the churn model."""
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def with_row_ids(df: DataFrame) -> DataFrame:
    indexed = df.rdd.zipWithIndex().map(lambda pair: (*pair[0], pair[1]))
    return indexed.toDF(df.columns + ["row_id"])


def tenure_features(df: DataFrame) -> DataFrame:
    return with_row_ids(df).withColumn("tenure_years", F.col("tenure_months") / 12)
