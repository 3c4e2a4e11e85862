"""Legacy job 80."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def settings_80_0(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 80_0")
    return sc.getConf().get("spark.app.name")


def schema_80_1() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_46", StringType(), True),
    ])


def schema_80_2() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_62", StringType(), True),
    ])


def first_ids_80_3(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def settings_80_4(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 80_4")
    return sc.getConf().get("spark.app.name")


def aggregate_80_5(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 71).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_80_6(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 50)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


def clean_80_7(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 18)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


def settings_80_8(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 80_8")
    return sc.getConf().get("spark.app.name")


def clean_80_9(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 75)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def aggregate_80_10(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 98).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def first_ids_80_11(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def states_80_12(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def people_80_13(spark):
    rdd = spark.sparkContext.parallelize([("a", 46), ("b", 4)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def settings_80_14(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 80_14")
    return sc.getConf().get("spark.app.name")


def legacy_sql_80_15(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '13'")
    sqlContext.registerDataFrameAsTable(df, "events_80_15")
    return df.toJSON().collect()


def schema_80_16() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_23", StringType(), True),
    ])


def word_count_80_17(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def clean_80_18(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 76)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


class Log4j80_19:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.80_19")

    def warn(self, message):
        self.logger.warn(message)


def aggregate_80_20(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 76).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


class Pipeline80_21:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_31")
        return df.count()


class Log4j80_22:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.80_22")

    def warn(self, message):
        self.logger.warn(message)


def aggregate_80_23(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 28).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def people_80_24(spark):
    rdd = spark.sparkContext.parallelize([("a", 46), ("b", 2)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def aggregate_80_25(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 58).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def states_80_26(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


class Log4j80_27:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.80_27")

    def warn(self, message):
        self.logger.warn(message)


def schema_80_28() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_52", StringType(), True),
    ])


class Pipeline80_29:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_99")
        return df.count()
