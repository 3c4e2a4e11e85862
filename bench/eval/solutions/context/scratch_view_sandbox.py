from pyspark.sql import functions as F


def run(spark):
    returns = spark.createDataFrame(
        [("R1", "damaged", 3), ("R2", "wrong size", 1), ("R3", "damaged", 2), ("R4", "late", 1)],
        ["return_id", "reason", "qty"],
    )
    returns.createOrReplaceTempView("scratch_returns")
    by_reason = spark.table("scratch_returns").groupBy("reason").agg(F.sum("qty").alias("qty"))
    result = sorted(tuple(r) for r in by_reason.collect())
    spark.catalog.dropTempView("scratch_returns")
    leaked = spark.catalog.tableExists("scratch_returns")
    return result, leaked
