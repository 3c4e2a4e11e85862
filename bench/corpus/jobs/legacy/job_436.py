"""Legacy job 436."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def join_436_0(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_18").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "436_0")
    return joined.fillna({"segment": "unknown"})


def legacy_sql_436_1(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '38'")
    sqlContext.registerDataFrameAsTable(df, "events_436_1")
    return df.toJSON().collect()


def word_count_436_2(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def join_436_3(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_44").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "436_3")
    return joined.fillna({"segment": "unknown"})


def first_ids_436_4(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def first_ids_436_5(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def legacy_sql_436_6(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '36'")
    sqlContext.registerDataFrameAsTable(df, "events_436_6")
    return df.toJSON().collect()


def settings_436_7(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 436_7")
    return sc.getConf().get("spark.app.name")


def legacy_sql_436_8(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '89'")
    sqlContext.registerDataFrameAsTable(df, "events_436_8")
    return df.toJSON().collect()


class Pipeline436_9:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_31")
        return df.count()


def clean_436_10(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 47)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 4)
    return out.select("id", "day", "bucket", "amount")


class Pipeline436_11:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_69")
        return df.count()


def aggregate_436_12(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 60).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def legacy_sql_436_13(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '48'")
    sqlContext.registerDataFrameAsTable(df, "events_436_13")
    return df.toJSON().collect()


def states_436_14(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def join_436_15(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_10").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "436_15")
    return joined.fillna({"segment": "unknown"})


class Log4j436_16:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.436_16")

    def warn(self, message):
        self.logger.warn(message)


def states_436_17(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def settings_436_18(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 436_18")
    return sc.getConf().get("spark.app.name")


class Log4j436_19:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.436_19")

    def warn(self, message):
        self.logger.warn(message)


class Pipeline436_20:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_73")
        return df.count()


def settings_436_21(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 436_21")
    return sc.getConf().get("spark.app.name")


def word_count_436_22(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


class Pipeline436_23:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_5")
        return df.count()
