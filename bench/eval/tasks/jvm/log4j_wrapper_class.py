from pyspark.sql import functions as F


class Log4j:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("com.shop.etl.returns")

    def info(self, message):
        self.logger.info(message)

    def warn(self, message):
        self.logger.warn(message)


def run(spark):
    log = Log4j(spark)
    log.info("loading returns")
    returns = spark.createDataFrame(
        [("R-1", "SKU-9", 2, "damaged"), ("R-2", "SKU-3", 1, "unwanted"), ("R-3", "SKU-9", 1, "damaged")],
        ["rma", "sku", "qty", "reason"],
    )
    damaged = returns.filter(F.col("reason") == "damaged").groupBy("sku").agg(F.sum("qty").alias("qty"))
    rows = sorted(tuple(r) for r in damaged.collect())
    if rows:
        log.warn(f"{len(rows)} SKUs with damaged returns")
    return rows
