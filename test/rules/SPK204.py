# Fixture for SPK204 (Columns through the JVM).
import pyspark
from pyspark.sql import Column, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.classic.column import _create_column_from_literal
from pyspark.sql.column import _to_java_column, _to_seq

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
df = spark.range(10)


def scala_udf(col):
    # Scala UDF through Py4J (catalogue shape 11): one finding for the helper call.
    fn = sc._jvm.com.example.ScalaUDF.getFun()
    return Column(fn.apply(_to_seq(sc, [col], _to_java_column)))  # error: [SPK204]


def wrap(jc):
    return Column(jc)  # error: [SPK204]


def h3_index(lat, lon):
    jcols = [_to_java_column(lat), _to_java_column(lon)]  # error: [SPK204]
    return pyspark.sql.Column(sc._jvm.com.uber.H3.index(*jcols))  # error: [SPK204]


literal = _create_column_from_literal(5)  # error: [SPK204]
by_name = Column("amount")  # error: [SPK204]
java_expr = df.id._jc.expr()  # error: [SPK204]


def to_java(c: Column):
    return c._jc  # error: [SPK204]


def to_java_helper(column):
    return column._jc.toString()  # error: [SPK204]


# Clean: the public API.
ok_col = F.col("amount")  # ok
ok_call = F.call_function("geohash", F.col("lat"), F.col("lon"))  # ok
ok_expr = F.expr("geohash(lat, lon)")  # ok


class Column2:
    def __init__(self, name):
        self._jc = name


local = Column2("x")
local._jc  # ok: a local class's attribute


def _to_seq_local(items):
    return list(items)


_to_seq_local([1, 2])  # ok: a local function with a similar name
