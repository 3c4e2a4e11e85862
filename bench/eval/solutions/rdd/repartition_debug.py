from pyspark.sql import functions as F


def run(spark):
    clicks = spark.createDataFrame(
        [(i, f"user{i % 5}", f"/page/{i % 7}") for i in range(40)],
        ["click_id", "user", "url"],
    )
    wide = clicks.repartition(3)
    narrow = wide.coalesce(1)
    before = wide.select(F.spark_partition_id()).distinct().count()
    after = narrow.select(F.spark_partition_id()).distinct().count()
    return before, after, narrow.count()
