# corpus: style=multi-module
# corpus: expect=migrates
"""Inventory alert job; the log4j helper sits in its own module."""
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from logger import get_logger

spark = SparkSession.builder.appName("inventory-alerts").getOrCreate()
log = get_logger(spark, "inventory-alerts")

stock = spark.createDataFrame(
    [("widget", 3, 10), ("gadget", 25, 10), ("doohickey", 0, 5), ("gizmo", 7, 5)],
    ["item", "on_hand", "reorder_level"],
)
alerts = stock.filter(F.col("on_hand") < F.col("reorder_level")).orderBy("item")
if alerts.count() > 0:
    log.warn("%d items below reorder level" % alerts.count())
for row in alerts.collect():
    print("reorder:", row.item, row.reorder_level - row.on_hand)
log.info("alert run complete")
