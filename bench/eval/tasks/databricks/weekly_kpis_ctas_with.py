# Databricks notebook source
# MAGIC %md
# MAGIC Weekly KPI table built from the page view log

# COMMAND ----------

import tempfile

VIEWS = [
    ("2024-W10", "u1", "/home"), ("2024-W10", "u2", "/home"), ("2024-W10", "u1", "/cart"),
    ("2024-W11", "u3", "/home"), ("2024-W11", "u3", "/checkout"), ("2024-W11", "u4", "/home"),
    ("2024-W11", "u5", "/cart"),
]

# COMMAND ----------

def run(spark):
    spark.createDataFrame(VIEWS, ["week", "user_id", "page"]).createOrReplaceTempView("page_views_raw")
    spark.sql("DROP TABLE IF EXISTS weekly_kpis")
    spark.sql(f"""
        CREATE TABLE weekly_kpis USING parquet LOCATION '{tempfile.mkdtemp()}/kpis' AS
        WITH per_week AS (
            SELECT week, COUNT(*) AS views, COUNT(DISTINCT user_id) AS users FROM page_views_raw GROUP BY week
        )
        SELECT week, views, users, ROUND(views / users, 2) AS views_per_user FROM per_week
    """)
    return [tuple(r) for r in spark.sql("SELECT * FROM weekly_kpis ORDER BY week").collect()]
