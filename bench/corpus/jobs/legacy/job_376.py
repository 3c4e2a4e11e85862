"""Legacy job 376."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def schema_376_0() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_74", StringType(), True),
    ])


def legacy_sql_376_1(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '37'")
    sqlContext.registerDataFrameAsTable(df, "events_376_1")
    return df.toJSON().collect()


def people_376_2(spark):
    rdd = spark.sparkContext.parallelize([("a", 46), ("b", 6)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def legacy_sql_376_3(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '12'")
    sqlContext.registerDataFrameAsTable(df, "events_376_3")
    return df.toJSON().collect()


def legacy_sql_376_4(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '2'")
    sqlContext.registerDataFrameAsTable(df, "events_376_4")
    return df.toJSON().collect()


def word_count_376_5(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def states_376_6(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def aggregate_376_7(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 28).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def aggregate_376_8(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 18).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


class Log4j376_9:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.376_9")

    def warn(self, message):
        self.logger.warn(message)


def people_376_10(spark):
    rdd = spark.sparkContext.parallelize([("a", 42), ("b", 3)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


class Pipeline376_11:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_12")
        return df.count()


def people_376_12(spark):
    rdd = spark.sparkContext.parallelize([("a", 26), ("b", 3)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def schema_376_13() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_68", StringType(), True),
    ])


class Pipeline376_14:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_42")
        return df.count()


def schema_376_15() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_18", StringType(), True),
    ])


def people_376_16(spark):
    rdd = spark.sparkContext.parallelize([("a", 65), ("b", 8)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


class Log4j376_17:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.376_17")

    def warn(self, message):
        self.logger.warn(message)


def settings_376_18(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 376_18")
    return sc.getConf().get("spark.app.name")


def aggregate_376_19(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 3).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def join_376_20(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_54").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "376_20")
    return joined.fillna({"segment": "unknown"})


def states_376_21(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def states_376_22(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


class Log4j376_23:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.376_23")

    def warn(self, message):
        self.logger.warn(message)


def people_376_24(spark):
    rdd = spark.sparkContext.parallelize([("a", 73), ("b", 8)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def settings_376_25(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 376_25")
    return sc.getConf().get("spark.app.name")


def word_count_376_26(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def clean_376_27(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 63)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 2)
    return out.select("id", "day", "bucket", "amount")


def join_376_28(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_54").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "376_28")
    return joined.fillna({"segment": "unknown"})
