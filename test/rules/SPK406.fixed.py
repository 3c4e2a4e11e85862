# Fixture for SPK406 (isinstance checks against pyspark's DataFrame/Column before 4.0).
import pandas as pd
import pyspark.sql
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql.classic.dataframe import DataFrame as ClassicDataFrame
from pyspark.sql.connect.dataframe import DataFrame as ConnectDataFrame
from pyspark.sql.dataframe import DataFrame as SparkDataFrame
try:
    from pyspark.sql.connect.column import Column as ConnectColumn
except ImportError:  # a pyspark without the Spark Connect client
    ConnectColumn = ()

spark = SparkSession.builder.getOrCreate()


def validate(df):
    if not isinstance(df, (DataFrame, ConnectDataFrame)):  # warning: [SPK406]
        raise TypeError("expected a Spark DataFrame")


def to_pandas(data):
    if isinstance(data, (SparkDataFrame, ConnectDataFrame, pd.Series)):  # warning: [SPK406]
        return data.toPandas()
    return data


def as_column(c):
    return c if isinstance(c, (pyspark.sql.Column, ConnectColumn)) else pyspark.sql.functions.col(c)  # warning: [SPK406]


def is_frame_class(cls):
    return issubclass(cls, (DataFrame, ConnectDataFrame))  # warning: [SPK406]


def exact(df):
    return type(df) in (DataFrame, ConnectDataFrame)  # warning: [SPK406]


def exact_column(c):
    return type(c) in (Column, ConnectColumn)  # warning: [SPK406]


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
