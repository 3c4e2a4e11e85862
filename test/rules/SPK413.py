# Fixture for SPK413 (subclasses of pyspark's DataFrame / Column).
import pyspark.sql
from pyspark.sql import Column, DataFrame, SQLContext, SparkSession
from pyspark.sql.dataframe import DataFrame as SparkDataFrame


class NamedFrame(DataFrame):  # error: [SPK413]
    # DataFrame subclass built from the JVM (catalogue shape 13).
    def __init__(self, df, names):
        spark = df.sparkSession
        super().__init__(df._jdf, SQLContext(spark.sparkContext, spark))
        self.names = names


class TypedFrame(SparkDataFrame):  # error: [SPK413]
    pass


class GeoColumn(pyspark.sql.Column):  # error: [SPK413]
    pass


class Mixin(object, Column):  # error: [SPK413]
    pass


# Clean: composition.
class Wrapper:  # ok
    def __init__(self, df: DataFrame):
        self.df = df


import pandas as pd


class MyPandas(pd.DataFrame):  # ok: pandas
    pass


class Base:
    pass


class Child(Base):  # ok: a local base class
    pass
