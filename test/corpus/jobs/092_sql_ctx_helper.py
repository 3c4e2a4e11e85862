# corpus: style=job-module
# corpus: expect=migrates
"""Helpers that reach the session through the DataFrame (df.sql_ctx) and check their inputs."""
from pyspark.sql import DataFrame, SparkSession


def require_frame(value):
    if not isinstance(value, DataFrame):
        raise TypeError(f"expected a DataFrame, got {type(value).__name__}")
    return value


def top_n(df, column, n):
    require_frame(df)
    df.createOrReplaceTempView("b092_input")
    return df.sql_ctx.sql(f"SELECT * FROM b092_input ORDER BY {column} DESC LIMIT {n}")


def main():
    spark = SparkSession.builder.appName("top-n").getOrCreate()
    scores = spark.createDataFrame([("ann", 71), ("ben", 93), ("cat", 88), ("dan", 64)], ["player", "score"])
    for row in top_n(scores, "score", 2).collect():
        print(row.player, row.score)
    try:
        require_frame([("ann", 71)])
    except TypeError as err:
        print("rejected:", err)


if __name__ == "__main__":
    main()
