# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC Legacy notebook written against the `sc` and `sqlContext` globals.

# COMMAND ----------

# Outside Databricks the globals do not exist: create them so the export runs as a script.
from pyspark import SparkContext
from pyspark.sql import SQLContext

sc = SparkContext.getOrCreate()
sqlContext = SQLContext(sc)

# COMMAND ----------

rows = [("north", "q1", 10), ("north", "q2", 14), ("south", "q1", 7), ("south", "q2", 5)]
sales = sqlContext.createDataFrame(sc.parallelize(rows), ["region", "quarter", "units"])
sqlContext.registerDataFrameAsTable(sales, "b097_sales")

# COMMAND ----------

growth = sqlContext.sql("""
    SELECT region,
           max(CASE WHEN quarter = 'q2' THEN units END) - max(CASE WHEN quarter = 'q1' THEN units END) AS growth
    FROM b097_sales GROUP BY region ORDER BY region
""")
sqlContext.cacheTable("b097_sales")
growth.show()
print("tables:", [t for t in sqlContext.tableNames() if t.startswith("b097")])
sqlContext.uncacheTable("b097_sales")
