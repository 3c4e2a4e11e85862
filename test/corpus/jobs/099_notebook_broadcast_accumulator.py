# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=remains reason="SPK108 broadcast lookup in rdd.map and SPK109 accumulator need a join and an aggregation"
# MAGIC %md
# MAGIC Store enrichment with a broadcast map and a counter for unknown stores.

# COMMAND ----------

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("store-enrichment").getOrCreate()
sc = spark.sparkContext

# COMMAND ----------

store_names = sc.broadcast({"s1": "Alexanderplatz", "s2": "Kudamm"})
unknown = sc.accumulator(0)

sales = spark.createDataFrame([("s1", 20), ("s2", 5), ("s9", 1), ("s1", 7)], ["store", "amount"])


def name_of(store):
    names = store_names.value
    if store not in names:
        unknown.add(1)
    return names.get(store, "?")


# COMMAND ----------

named = sales.rdd.map(lambda r: (name_of(r.store), r.amount)).toDF(["store_name", "amount"])
named.groupBy("store_name").sum("amount").orderBy("store_name").show()
print("unknown stores:", unknown.value)
