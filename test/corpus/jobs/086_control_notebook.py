# Databricks notebook source
# corpus: style=control
# corpus: expect=clean
# MAGIC %md
# MAGIC Weekly cohort numbers (already uses only the SparkSession).

# COMMAND ----------

from pyspark.sql import SparkSession
from pyspark.sql import Window
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()

# COMMAND ----------

signups = spark.createDataFrame(
    [("u1", "2024-W01"), ("u2", "2024-W01"), ("u3", "2024-W02"), ("u4", "2024-W02"), ("u5", "2024-W02")],
    ["user", "week"],
)
weekly = signups.groupBy("week").count()
running = weekly.withColumn("cumulative", F.sum("count").over(Window.orderBy("week")))
running.orderBy("week").show()

# COMMAND ----------

ids = signups.withColumn("n", F.row_number().over(Window.orderBy("user")))
print([(r.user, r.n) for r in ids.orderBy("n").collect()])
print("spark:", spark.version.split(".")[0] >= "3")
