# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC # Monthly files, one DataFrame
# MAGIC Stacks the monthly extracts and checks what the helper got.

# COMMAND ----------

from functools import reduce

from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()

# COMMAND ----------

months = {
    "2024-01": [("north", 10), ("south", 4)],
    "2024-02": [("north", 7), ("east", 3)],
    "2024-03": [("south", 9), ("east", 1), ("west", 2)],
}
frames = [spark.createDataFrame(rows, ["region", "units"]).selectExpr(f"'{m}' AS month", "*")
          for m, rows in sorted(months.items())]

# COMMAND ----------

def ensure_frame(value):
    if not isinstance(value, DataFrame):
        raise TypeError(f"expected a DataFrame, got {type(value).__name__}")
    return value


all_months = reduce(DataFrame.unionByName, [ensure_frame(f) for f in frames])
all_months.orderBy("month", "region").show()

# COMMAND ----------

print(all_months.groupBy("region").sum("units").orderBy("region").collect())
