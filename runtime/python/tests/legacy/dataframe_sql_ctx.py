"""Legacy job: a DataFrame's SQLContext (df.sql_ctx) used for SQL, tables and new DataFrames.

Usage: dataframe_sql_ctx.py
"""
import warnings

from pyspark.sql import SparkSession, SQLContext

warnings.simplefilter("ignore")  # classic warns that sql_ctx is internal
spark = SparkSession.builder.appName("sql-ctx").getOrCreate()

orders = spark.createDataFrame([(1, "tea", 3), (2, "cake", 1), (3, "tea", 2)],
                               ["id", "item", "qty"])
context = orders.sql_ctx
print(isinstance(context, SQLContext), context.sparkSession is spark)
context.registerDataFrameAsTable(orders, "orders")
print(context.sql("SELECT item, sum(qty) AS qty FROM orders GROUP BY item ORDER BY item").collect())
print(context.table("orders").count(), "orders" in context.tableNames())
extra = orders.sql_ctx.createDataFrame([(4, "jam", 5)], ["id", "item", "qty"])
print(orders.union(extra).orderBy("id").collect())
print(orders.sql_ctx.getConf("spark.sql.shuffle.partitions"))
