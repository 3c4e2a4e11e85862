"""Nightly upsert of the order updates into the Delta table (a Databricks job task)."""
from delta.tables import DeltaTable
from pyspark.sql import SparkSession


def merge_orders(spark: SparkSession, updates_path: str) -> None:
    spark.conf.set("spark.databricks.delta.schema.autoMerge.enabled", "true")
    updates = spark.read.format("json").load(updates_path)
    target = DeltaTable.forName(spark, "main.sales.orders")
    (
        target.alias("t")
        .merge(updates.alias("u"), "t.order_id = u.order_id")
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute()
    )


def main() -> None:
    spark = SparkSession.builder.getOrCreate()
    merge_orders(spark, "/Volumes/main/sales/landing/orders/")


if __name__ == "__main__":
    main()
