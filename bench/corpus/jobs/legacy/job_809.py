"""Legacy job 809."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


class Pipeline809_0:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_66")
        return df.count()


class Pipeline809_1:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_23")
        return df.count()


def aggregate_809_2(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 68).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def schema_809_3() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_33", StringType(), True),
    ])


class Log4j809_4:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.809_4")

    def warn(self, message):
        self.logger.warn(message)


def legacy_sql_809_5(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '98'")
    sqlContext.registerDataFrameAsTable(df, "events_809_5")
    return df.toJSON().collect()


def join_809_6(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_97").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "809_6")
    return joined.fillna({"segment": "unknown"})


def clean_809_7(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 51)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 3)
    return out.select("id", "day", "bucket", "amount")


def word_count_809_8(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def word_count_809_9(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()
