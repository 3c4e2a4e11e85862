# corpus: style=job-module
# corpus: expect=remains reason="SPK007 .master('local[*]') stays (guidance only unless the file sets SPARK_REMOTE); Connect refuses a master next to the remote"
"""Warehouse job with the builder chain copied from a local development setup."""
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder.master("local[*]")
    .appName("warehouse-dev")
    .enableHiveSupport()
    .getOrCreate()
)

daily = spark.createDataFrame(
    [("2024-07-01", "books", 12), ("2024-07-01", "games", 3), ("2024-07-02", "books", 9)],
    ["day", "category", "units"],
)
daily.createOrReplaceTempView("b094_daily")
spark.sql("SELECT category, sum(units) AS units FROM b094_daily GROUP BY category ORDER BY category").show()
print("days:", daily.select(F.countDistinct("day")).first()[0])
