# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=remains reason="SPK306 df.rdd.map over Rows back to a DataFrame: rewrite with column expressions"
# MAGIC %md
# MAGIC Normalise e-mail addresses and split names.

# COMMAND ----------

from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# COMMAND ----------

users = spark.createDataFrame(
    [(1, "Ada Lovelace", " ADA@Example.com "), (2, "Alan Turing", "alan@example.COM"), (3, "Grace Hopper", None)],
    ["id", "full_name", "email"])

# COMMAND ----------

def normalise(row):
    first, last = row.full_name.split(" ", 1)
    email = row.email.strip().lower() if row.email else None
    return (row.id, first, last, email)


clean = users.rdd.map(normalise).toDF(["id", "first", "last", "email"])
clean.orderBy("id").show(truncate=False)
