# sparkmigrate-test: platform=databricks
# Fixture for SPK904 (CTAS through Databricks Connect).
from pyspark.sql import SparkSession
import duckdb

spark = SparkSession.builder.getOrCreate()
spark.sql("CREATE TABLE main.sales.top AS SELECT customer_id, SUM(amount) AS total FROM main.sales.orders GROUP BY 1")  # error: [SPK904]
spark.sql("create or replace table main.sales.daily as select day, count(*) from main.sales.orders group by day")  # error: [SPK904]
target = "main.sales.recent"
spark.sql(f"CREATE TABLE {target} USING delta AS WITH recent AS (SELECT * FROM main.sales.orders) SELECT * FROM recent")  # error: [SPK904]
spark.sql(  # error: [SPK904]
    """
    CREATE TABLE IF NOT EXISTS main.sales.copy
    AS SELECT * FROM main.sales.orders
    """
)
spark.sql("CREATE TABLE main.sales.empty (id BIGINT, name STRING)")  # ok: not CTAS
spark.sql("SELECT * FROM main.sales.orders").write.saveAsTable("main.sales.copy")  # ok
spark.sql("CREATE OR REPLACE TEMP VIEW recent AS SELECT * FROM main.sales.orders")  # ok: a view
con = duckdb.connect()
con.sql("CREATE TABLE t AS SELECT 1")  # ok: DuckDB
