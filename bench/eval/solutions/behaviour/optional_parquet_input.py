import os
import tempfile

from pyspark.sql.utils import AnalysisException


def read_returns(spark, path):
    try:
        df = spark.read.parquet(path)
        df.schema
        return df
    except AnalysisException:
        return spark.createDataFrame([], "order_id string, refund double")


def run(spark):
    base = tempfile.mkdtemp()
    spark.createDataFrame([("o-1", 4.5), ("o-7", 10.0)], "order_id string, refund double") \
        .write.parquet(os.path.join(base, "returns_2024_01"))
    jan = read_returns(spark, os.path.join(base, "returns_2024_01"))
    feb = read_returns(spark, os.path.join(base, "returns_2024_02"))
    return jan.count(), feb.count()
