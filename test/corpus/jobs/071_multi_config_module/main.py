# corpus: style=multi-module
# corpus: expect=remains reason="SPK001: spark_utils.start_spark returns (spark, spark.sparkContext); no use of sc is left after the fix but the tuple is kept"
"""Returns pipeline; settings come from config.py, the session from spark_utils.py."""
from config import SETTINGS
from spark_utils import start_spark
from pyspark.sql.types import DoubleType, StringType, StructField, StructType

SCHEMA = StructType([StructField("order_id", StringType()), StructField("refund", DoubleType())])


def main():
    spark, sc = start_spark(SETTINGS["app_name"], SETTINGS["spark_conf"])
    refunds = spark.createDataFrame(sc.parallelize(SETTINGS["seed_refunds"]), SCHEMA)
    empty = spark.createDataFrame(sc.emptyRDD(), SCHEMA)
    everything = refunds.unionByName(empty)
    print("refunds:", everything.count())
    print("total refund:", everything.groupBy().sum("refund").first()[0])
    print("threshold:", spark.conf.get("corpus.refund.threshold"))


if __name__ == "__main__":
    main()
