"""Helpers shared by the data-quality jobs (no pyspark import: frames come in as arguments)."""


def has_rows(df):
    return not df.rdd.isEmpty()


def first_column(df):
    return df.rdd.map(lambda r: r[0]).collect()


def distinct_values(df, column):
    return sorted(df.select(column).distinct().rdd.flatMap(lambda x: x).collect())
