# Fixture for SPK404 (DataFrame.checkpoint / localCheckpoint before 4.0).
from pyspark.sql import DataFrame, SparkSession

spark = SparkSession.builder.getOrCreate()
spark.sparkContext.setCheckpointDir("/tmp/checkpoints")
df = spark.read.parquet("/data/orders")
dims = spark.table("sales.dims")

joined = df.join(dims, "id").checkpoint()  # error: [SPK404]
local = df.localCheckpoint(eager=False)  # error: [SPK404]


def truncate(frame: DataFrame) -> DataFrame:
    return frame.checkpoint(eager=True)  # error: [SPK404]


def truncate_helper(big_df):
    return big_df.localCheckpoint()  # error: [SPK404]


# RDD checkpoints are not this rule's.
rdd = spark.sparkContext.parallelize(range(10))
rdd.checkpoint()  # ok: an RDD
rdd.localCheckpoint()  # ok: an RDD

# Clean.
joined = df.join(dims, "id").cache()  # ok


class Model:
    def checkpoint(self):
        return self


Model().checkpoint()  # ok: a local class


def save(trainer):
    trainer.checkpoint()  # ok: unknown receiver with a common method name
