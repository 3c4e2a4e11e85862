# corpus: style=job-module
# corpus: expect=migrates
"""Loads the customer dimension; the loader class keeps the session on self.spark."""
import json
import logging

from pyspark.sql import SparkSession
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

logger = logging.getLogger(__name__)

CUSTOMER_SCHEMA = StructType([
    StructField("customer_id", IntegerType(), False),
    StructField("name", StringType(), True),
    StructField("tier", StringType(), True),
])


class CustomerDimLoader:
    def __init__(self, spark, source_rows):
        self.spark = spark
        self.source_rows = source_rows

    def extract(self):
        rdd = self.spark.sparkContext.parallelize(self.source_rows)
        return self.spark.createDataFrame(rdd, CUSTOMER_SCHEMA)

    def validate(self, frame):
        total = frame.rdd.count()
        logger.info("extracted %d customers", total)
        return total

    def publish(self, frame):
        ordered = frame.orderBy("customer_id")
        return ordered.toJSON().collect()

    def run(self):
        frame = self.extract()
        total = self.validate(frame)
        print("customers:", total)
        for line in self.publish(frame):
            record = json.loads(line)
            print(record["customer_id"], record["name"], record.get("tier", "-"))
        first = frame.orderBy("name").rdd.first()
        print("first by name:", first.name)


def main():
    spark = SparkSession.builder.appName("customer-dim").getOrCreate()
    rows = [(3, "carol", "gold"), (1, "alice", "silver"), (2, "bob", None), (4, "dave", "gold")]
    CustomerDimLoader(spark, rows).run()


if __name__ == "__main__":
    main()
