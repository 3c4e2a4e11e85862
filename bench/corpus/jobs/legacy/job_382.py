"""Legacy job 382."""
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F


def legacy_sql_382_0(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '75'")
    sqlContext.registerDataFrameAsTable(df, "events_382_0")
    return df.toJSON().collect()


class Pipeline382_1:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_6")
        return df.count()


def states_382_2(spark, people):
    lookup = spark.sparkContext.broadcast({"NY": "New York", "CA": "California"})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])


def word_count_382_3(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def word_count_382_4(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def word_count_382_5(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def people_382_6(spark):
    rdd = spark.sparkContext.parallelize([("a", 91), ("b", 8)])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])


def word_count_382_7(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def first_ids_382_8(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def aggregate_382_9(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 94).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


class Log4j382_10:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.382_10")

    def warn(self, message):
        self.logger.warn(message)


class Pipeline382_11:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_96")
        return df.count()


def aggregate_382_12(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 46).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


def clean_382_13(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 62)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 9)
    return out.select("id", "day", "bucket", "amount")


def clean_382_14(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 4)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 5)
    return out.select("id", "day", "bucket", "amount")


def first_ids_382_15(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def word_count_382_16(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def word_count_382_17(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def settings_382_18(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job 382_18")
    return sc.getConf().get("spark.app.name")


def clean_382_19(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > 23)
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % 7)
    return out.select("id", "day", "bucket", "amount")


def first_ids_382_20(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def aggregate_382_21(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= 48).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )


class Log4j382_22:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.382_22")

    def warn(self, message):
        self.logger.warn(message)


def schema_382_23() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_24", StringType(), True),
    ])


class Pipeline382_24:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_97")
        return df.count()


def word_count_382_25(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()


def first_ids_382_26(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


def first_ids_382_27(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()


class Pipeline382_28:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_29")
        return df.count()
