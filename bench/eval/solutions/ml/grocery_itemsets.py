import math

from pyspark.sql import functions as F


def frequent_itemsets(baskets, min_support):
    """Apriori over an `items` array column, with DataFrame operations only."""
    baskets = baskets.select(F.array_distinct("items").alias("basket"))
    min_count = math.ceil(min_support * baskets.count())
    singles = (baskets.select(F.explode("basket").alias("item"))
               .groupBy("item").count().filter(F.col("count") >= min_count))
    level = singles.select(F.array("item").alias("items"), F.col("count").alias("freq"))
    found = []
    while True:
        rows = level.collect()
        if not rows:
            return found
        found.extend((sorted(r["items"]), r["freq"]) for r in rows)
        candidates = (level.crossJoin(singles.select("item"))
                      .where(F.element_at("items", -1) < F.col("item"))
                      .select(F.concat("items", F.array("item")).alias("items")))
        level = (candidates.crossJoin(baskets)
                 .where(F.forall("items", lambda x: F.array_contains("basket", x)))
                 .groupBy("items").agg(F.count(F.lit(1)).alias("freq"))
                 .filter(F.col("freq") >= min_count))


def run(spark):
    baskets = spark.createDataFrame([
        (["milk", "bread", "eggs"],),
        (["milk", "bread"],),
        (["bread", "butter"],),
        (["milk", "eggs"],),
        (["milk", "bread", "butter"],),
        (["bread", "eggs"],),
    ], ["items"])
    return sorted(frequent_itemsets(baskets, 0.5))
