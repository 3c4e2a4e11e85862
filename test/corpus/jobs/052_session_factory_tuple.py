# corpus: style=job-module
# corpus: expect=remains reason="SPK001: the session factory returns (spark, sc), so its `sc = spark.sparkContext` stays"
"""Inventory snapshot job; the session factory hands back (spark, sc) like many old jobs do."""
from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

SNAPSHOT_SCHEMA = StructType([
    StructField("sku", StringType()),
    StructField("warehouse", StringType()),
    StructField("units", LongType()),
])


def create_session(app_name="inventory-snapshot"):
    conf = SparkConf().setAppName(app_name).set("spark.sql.session.timeZone", "UTC")
    sc = SparkContext.getOrCreate(conf)
    spark = SparkSession(sc)
    return spark, sc


def load_snapshot(spark, sc, rows):
    if not rows:
        return spark.createDataFrame(sc.emptyRDD(), SNAPSHOT_SCHEMA)
    return spark.createDataFrame(sc.parallelize(rows), SNAPSHOT_SCHEMA)


def main():
    spark, sc = create_session()
    today = load_snapshot(spark, sc, [("A-1", "ber", 10), ("B-7", "ber", 0), ("A-1", "muc", 4)])
    yesterday = load_snapshot(spark, sc, [])
    print("yesterday rows:", yesterday.count(), yesterday.schema.simpleString())
    print("today rows:", today.count())
    stock = today.groupBy("sku").sum("units").withColumnRenamed("sum(units)", "units")
    for row in stock.orderBy("sku").collect():
        print(row.sku, row.units)
    print("shuffle partitions:", sc.getConf().get("spark.sql.shuffle.partitions"))
    spark.stop()


if __name__ == "__main__":
    main()
