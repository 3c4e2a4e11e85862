"""Data quality checks run after each load."""
from pyspark.sql import DataFrame


def null_ratio(df: DataFrame, column: str) -> float:
    df.createOrReplaceTempView("quality_input")
    row = df.sql_ctx.sql(
        f"SELECT avg(CASE WHEN {column} IS NULL THEN 1.0 ELSE 0.0 END) AS ratio FROM quality_input"
    ).first()
    return row.ratio


def print_failures(df: DataFrame) -> None:
    df.where("amount < 0").foreach(lambda row: print("negative amount:", row))
