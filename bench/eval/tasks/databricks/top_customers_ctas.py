# Databricks notebook source
import tempfile

# COMMAND ----------

def run(spark):
    spark.createDataFrame(
        [("c-1", 120.0), ("c-2", 35.5), ("c-1", 80.0), ("c-3", 410.0), ("c-2", 14.5)], ["customer_id", "amount"]
    ).createOrReplaceTempView("orders_src")
    location = tempfile.mkdtemp() + "/top_customers"
    spark.sql("DROP TABLE IF EXISTS top_customers")
    spark.sql(f"""
        CREATE TABLE top_customers USING parquet LOCATION '{location}' AS
        SELECT customer_id, SUM(amount) AS total
        FROM orders_src
        GROUP BY customer_id
        HAVING SUM(amount) > 100
    """)
    return sorted(tuple(r) for r in spark.table("top_customers").collect())
