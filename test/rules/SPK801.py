# Fixture for SPK801 (try/except AnalysisException around lazy DataFrames).
import logging
from pyspark.errors import AnalysisException
from pyspark.sql import SparkSession, DataFrame
import pyspark.sql.utils as spark_utils

spark = SparkSession.builder.getOrCreate()


def table_exists(name):
    try:
        spark.table(name)
        return True
    except AnalysisException:  # warning: [SPK801]
        return False


def safe_select(df: DataFrame, column):
    try:
        return df.select(column)
    except (AnalysisException, KeyError) as error:  # warning: [SPK801]
        logging.warning("missing column %s: %s", column, error)
        return df


def read_optional(path):
    try:
        frame = spark.read.parquet(path).filter("status = 'active'")
    except spark_utils.AnalysisException as e:  # warning: [SPK801]
        frame = None
    return frame


def checked_exists(name):
    try:
        spark.table(name).columns
        return True
    except AnalysisException:  # ok: df.columns forces analysis
        return False


def counted(name):
    try:
        return spark.table(name).count()
    except AnalysisException:  # ok: an action inside the try
        return 0


def via_sql(name):
    try:
        return spark.sql(f"SELECT * FROM {name}")
    except AnalysisException:  # ok: spark.sql is analysed eagerly
        return None


def with_helper(name):
    try:
        frame = spark.table(name)
        validate(frame)
    except AnalysisException:  # ok: a user function may run an action
        return None


def validate(frame):
    frame.count()


def plain():
    try:
        value = int("3")
    except ValueError:  # ok: not a Spark exception
        value = 0
    return value
