# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC # Customer profile
# MAGIC Builds a small profile table from inline test data.

# COMMAND ----------

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("customer-profile").getOrCreate()
sc = spark.sparkContext
sc.setLogLevel("ERROR")
print("shuffle partitions:", sc.getConf().get("spark.sql.shuffle.partitions"))
print("profile date:", sc.getConf().get("spark.profile.date", "2024-06-30"))

# COMMAND ----------

customers = sc.parallelize([
    ("c1", "Ada", "gold"), ("c2", "Linus", "silver"), ("c3", "Grace", "gold"), ("c4", "Ken", "bronze"),
]).toDF(["customer_id", "name", "tier"])
orders = spark.createDataFrame(
    sc.parallelize([("c1", 120.0), ("c1", 80.0), ("c2", 15.5), ("c3", 300.0), ("c3", 12.0)]),
    ["customer_id", "amount"])

# COMMAND ----------

profile = (customers.join(orders, "customer_id", "left")
           .groupBy("customer_id", "name", "tier")
           .agg(F.count("amount").alias("orders"), F.coalesce(F.sum("amount"), F.lit(0.0)).alias("spent")))
profile.orderBy("customer_id").show()

# COMMAND ----------

gold = profile.filter("tier = 'gold'")
print("gold customers:", gold.rdd.count(), "spent:", gold.agg(F.sum("spent")).rdd.first()[0])
