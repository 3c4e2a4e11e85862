# Fixture for SPK406 (isinstance checks against pyspark's DataFrame/Column before 4.0).
import pandas as pd
import pyspark.sql
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql.classic.dataframe import DataFrame as ClassicDataFrame
from pyspark.sql.connect.dataframe import DataFrame as ConnectDataFrame
from pyspark.sql.dataframe import DataFrame as SparkDataFrame

spark = SparkSession.builder.getOrCreate()


def validate(df):
    if not isinstance(df, DataFrame):  # warning: [SPK406]
        raise TypeError("expected a Spark DataFrame")


def to_pandas(data):
    if isinstance(data, (SparkDataFrame, pd.Series)):  # warning: [SPK406]
        return data.toPandas()
    return data


def as_column(c):
    return c if isinstance(c, pyspark.sql.Column) else pyspark.sql.functions.col(c)  # warning: [SPK406]


def is_frame_class(cls):
    return issubclass(cls, DataFrame)  # warning: [SPK406]


def exact(df):
    return type(df) is DataFrame  # warning: [SPK406]


def exact_column(c):
    return type(c) == Column  # warning: [SPK406]


# Already accepts Connect objects.
def validate_both(df):
    return isinstance(df, (DataFrame, ConnectDataFrame))  # ok


# Deliberate dispatch on the implementation (false for Connect on every version).
def uses_jvm(df):
    return isinstance(df, ClassicDataFrame)  # ok


# Look-alikes.
def is_pandas(data):
    return isinstance(data, pd.DataFrame)  # ok: pandas


class Frame:
    pass


def is_local(obj):
    return isinstance(obj, Frame)  # ok: a local class
