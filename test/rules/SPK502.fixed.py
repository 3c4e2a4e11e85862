# Fixture for SPK502 (SQLContext methods).
from pyspark import SparkContext
from pyspark.sql import SQLContext, SparkSession, DataFrame
from pyspark.sql.types import StringType

sc = SparkContext.getOrCreate()
ctx = SQLContext(sc)
orders = ctx.sql("SELECT * FROM orders")  # error: [SPK502]
people = ctx.read.json("people.json")  # error: [SPK502]
ctx.registerFunction("to_upper", lambda s: s.upper(), StringType())  # error: [SPK502]
ctx.registerDataFrameAsTable(orders, "orders_view")  # error: [SPK502]
names = ctx.tableNames("sales")  # error: [SPK502]
ctx.setConf("spark.sql.shuffle.partitions", "8")  # error: [SPK502]
ctx.cacheTable("orders_view")  # error: [SPK502]

# The notebook/shell global.
frame = sqlContext.createDataFrame([(1, "a")], ["id", "v"])  # error: [SPK502]
sqlContext.dropTempTable("orders_view")  # error: [SPK502]
listing = SQLContext.getOrCreate(sc).tables()  # error: [SPK502]


def load(context: SQLContext, path):
    return spark.read.parquet(path)  # error: [SPK502]


class Job:
    def __init__(self, context):
        self.sql_context = SQLContext(context)

    def run(self):
        return spark.table("events")  # error: [SPK502]


def via_frame(df: DataFrame):
    return df.sql_ctx.sql("SELECT 1")  # ok: reported by the DataFrame `sql_ctx` rule


spark = SparkSession.builder.getOrCreate()
spark.sql("SELECT 1")  # ok: the SparkSession
spark.read.json("people.json")  # ok


class Warehouse:
    def sql(self, query):
        return query


Warehouse().sql("SELECT 1")  # ok: a local class
