# corpus: style=job-module
# corpus: expect=migrates
"""A small stage-based pipeline class; stages are DataFrames combined with unbound methods."""
import json
from functools import reduce

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F


class Pipeline:
    def __init__(self, spark, config):
        self.spark = spark
        self.config = config
        self.stages = []

    def add_stage(self, rows):
        frame = self.spark.createDataFrame(rows, ["sku", "qty"])
        self.stages.append(frame.withColumn("stage", F.lit(len(self.stages))))
        return self

    def combined(self):
        return reduce(DataFrame.union, self.stages)

    def sizes(self):
        return list(map(DataFrame.count, self.stages))

    def preview(self):
        rows = self.combined().orderBy("stage", "sku").toJSON().take(self.config["preview"])
        return [json.loads(r) for r in rows]


def main():
    spark = SparkSession.builder.appName("stage-pipeline").getOrCreate()
    pipeline = Pipeline(spark, {"preview": 3})
    pipeline.add_stage([("a", 1), ("b", 2)]).add_stage([("c", 5)]).add_stage([("a", 4), ("d", 1)])
    print("stage sizes:", pipeline.sizes())
    print("preview:", pipeline.preview())
    totals = pipeline.combined().groupBy("sku").agg(F.sum("qty").alias("qty")).orderBy("sku")
    print(totals.collect())


if __name__ == "__main__":
    main()
