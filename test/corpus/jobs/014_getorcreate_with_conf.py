# corpus: style=job-module
# corpus: expect=remains reason="SPK005 SparkContext.getOrCreate(conf) returned from a factory function: the fix only rewrites an assignment"
"""Inventory job started the classic way: SparkConf + SparkContext.getOrCreate."""
from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession


def build_context():
    conf = SparkConf().setAppName("inventory").set("spark.sql.session.timeZone", "UTC")
    return SparkContext.getOrCreate(conf)


def main():
    sc = build_context()
    spark = SparkSession.builder.getOrCreate()
    stock = spark.createDataFrame(
        [("bolt", 120, 0.05), ("nut", 300, 0.02), ("washer", 0, 0.01), ("screw", 42, 0.04)],
        ["item", "on_hand", "unit_cost"])
    stock.createOrReplaceTempView("stock")
    spark.sql("SELECT item, on_hand * unit_cost AS value FROM stock WHERE on_hand > 0 ORDER BY item").show()
    print("time zone:", spark.conf.get("spark.sql.session.timeZone"))


if __name__ == "__main__":
    main()
