# Databricks notebook source
# corpus: style=notebook-export
# corpus: expect=migrates
# MAGIC %md
# MAGIC # Daily KPIs
# MAGIC Exported from the workspace; runs as a script too.

# COMMAND ----------

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("daily-kpis").getOrCreate()
sc = spark.sparkContext

# COMMAND ----------

visits = sc.parallelize([
    ("2024-05-01", "web", 120), ("2024-05-01", "app", 80),
    ("2024-05-02", "web", 140), ("2024-05-02", "app", 95), ("2024-05-02", "kiosk", 4),
]).toDF(["day", "channel", "visits"])
visits.createOrReplaceTempView("b074_visits")

# COMMAND ----------

kpis = spark.sql("SELECT day, sum(visits) AS visits, count(DISTINCT channel) AS channels FROM b074_visits GROUP BY day")
kpis.orderBy("day").show()

# COMMAND ----------

channels = visits.select("channel").distinct().orderBy("channel")
print("channels:", channels.rdd.flatMap(lambda x: x).collect())
print("busiest:", visits.orderBy(F.desc("visits")).rdd.first().channel)
print("settings:", sc.getConf().get("spark.sql.shuffle.partitions"))
