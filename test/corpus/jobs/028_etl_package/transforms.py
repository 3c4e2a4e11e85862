"""Pure DataFrame transforms: no pyspark session here, the caller passes DataFrames in."""
from pyspark.sql import functions as F


def clean_people(df):
    return (df.withColumn("name", F.initcap(F.trim(F.col("name"))))
              .na.fill({"name": "Unknown"}))


def add_age_band(df):
    return df.withColumn(
        "band", F.when(F.col("age") < 30, "20s").when(F.col("age") < 40, "30s").otherwise("40+"))
