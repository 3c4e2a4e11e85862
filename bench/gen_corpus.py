"""Generates a deterministic corpus of realistic PySpark files for benchmarks.

The files mix the shapes found in real repositories (catalogue section 4):
Connect-ready DataFrame pipelines (the majority), classic SparkContext
skeletons, RDD bridges, log4j-through-Py4J loggers, SQLContext code, Databricks
notebooks and plain utility modules that never touch Spark. Same seed, same
corpus.
"""
import argparse
import random
from pathlib import Path

HEADER_MODERN = """\
\"\"\"{doc}\"\"\"
import logging
from datetime import date

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

log = logging.getLogger(__name__)
"""

MODERN_FUNCS = [
    """
def clean_{n}(df: DataFrame) -> DataFrame:
    out = df.dropDuplicates(["id"]).where(F.col("amount") > {k})
    out = out.withColumn("day", F.to_date("ts")).withColumn("bucket", F.col("amount") % {m})
    return out.select("id", "day", "bucket", "amount")
""",
    """
def aggregate_{n}(df: DataFrame) -> DataFrame:
    w = Window.partitionBy("customer").orderBy(F.col("ts").desc())
    ranked = df.withColumn("rank", F.row_number().over(w))
    return ranked.where(F.col("rank") <= {k}).groupBy("customer").agg(
        F.sum("amount").alias("total"),
        F.countDistinct("order_id").alias("orders"),
    )
""",
    """
def join_{n}(spark: SparkSession, orders: DataFrame) -> DataFrame:
    customers = spark.table("crm.customers_{k}").select("customer", "segment")
    joined = orders.join(F.broadcast(customers), "customer", "left")
    log.info("joined %s", "{n}")
    return joined.fillna({{"segment": "unknown"}})
""",
    """
def schema_{n}() -> StructType:
    return StructType([
        StructField("id", IntegerType(), False),
        StructField("name", StringType(), True),
        StructField("segment_{k}", StringType(), True),
    ])
""",
    """
class Pipeline{n}:
    def __init__(self, spark: SparkSession, source: str):
        self.spark = spark
        self.source = source

    def load(self) -> DataFrame:
        return self.spark.read.format("delta").load(self.source)

    def run(self, day: date) -> int:
        df = self.load().where(F.col("day") == F.lit(str(day)))
        df.write.mode("overwrite").saveAsTable("out.table_{k}")
        return df.count()
""",
]

LEGACY_FUNCS = [
    """
def word_count_{n}(sc, path):
    lines = sc.textFile(path)
    pairs = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1))
    return pairs.reduceByKey(lambda a, b: a + b).collect()
""",
    """
def people_{n}(spark):
    rdd = spark.sparkContext.parallelize([("a", {k}), ("b", {m})])
    df = rdd.toDF(["name", "age"])
    return df.rdd.map(lambda r: (r.name, r.age + 1)).toDF(["name", "age"])
""",
    """
def states_{n}(spark, people):
    lookup = spark.sparkContext.broadcast({{"NY": "New York", "CA": "California"}})
    return people.rdd.map(lambda r: (r[0], lookup.value.get(r[1]))).toDF(["name", "state"])
""",
    """
def first_ids_{n}(df):
    if df.rdd.isEmpty():
        return []
    return df.select("id").rdd.flatMap(lambda x: x).collect()
""",
    """
def settings_{n}(spark):
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.setJobGroup("nightly", "job {n}")
    return sc.getConf().get("spark.app.name")
""",
    """
def legacy_sql_{n}(sc):
    sqlContext = SQLContext(sc)
    df = sqlContext.sql("SELECT * FROM events WHERE day = '{k}'")
    sqlContext.registerDataFrameAsTable(df, "events_{n}")
    return df.toJSON().collect()
""",
    """
class Log4j{n}:
    def __init__(self, spark):
        log4j = spark._jvm.org.apache.log4j
        self.logger = log4j.LogManager.getLogger("job.{n}")

    def warn(self, message):
        self.logger.warn(message)
""",
]

HEADER_LEGACY = """\
\"\"\"{doc}\"\"\"
from functools import reduce

from pyspark import SparkConf, SparkContext
from pyspark.sql import DataFrame, SQLContext, SparkSession
from pyspark.sql import functions as F
"""

UTILITY = """
def parse_{n}(text: str) -> dict:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return {{p.split("=")[0]: p.split("=")[-1] for p in parts}}


def retry_{n}(fn, attempts: int = {k}):
    for i in range(attempts):
        try:
            return fn()
        except ValueError:
            if i == attempts - 1:
                raise
"""

NOTEBOOK_CELLS = [
    "orders = spark.table(\"sales.orders_{k}\")\ndisplay(orders.groupBy(\"day\").count())\n",
    "print(orders.rdd.getNumPartitions())\n",
    "ids = sc.parallelize(range({k})).map(lambda i: (i,)).toDF([\"id\"])\n",
    "# MAGIC %sql\n# MAGIC SELECT * FROM sales.orders_{k} LIMIT 10\n",
    "recent = orders.where(\"day >= current_date() - {m}\")\nrecent.write.mode(\"append\").saveAsTable(\"sales.recent\")\n",
]


def make_file(rng: random.Random, index: int) -> tuple[str, str]:
    kind = rng.choices(["modern", "legacy", "utility", "notebook"], weights=[60, 20, 12, 8])[0]
    fill = lambda t, n: t.format(n=f"{index}_{n}", k=rng.randint(1, 99), m=rng.randint(2, 9))
    if kind == "notebook":
        cells = [fill(rng.choice(NOTEBOOK_CELLS), i) for i in range(rng.randint(8, 30))]
        return f"notebooks/nb_{index}.py", "# Databricks notebook source\n" + "\n# COMMAND ----------\n\n".join(cells)
    if kind == "utility":
        body = "".join(fill(UTILITY, i) for i in range(rng.randint(5, 25)))
        return f"utils/util_{index}.py", f'"""Helpers {index}."""\n' + body
    if kind == "legacy":
        parts = [HEADER_LEGACY.format(doc=f"Legacy job {index}.")]
        parts += [fill(rng.choice(LEGACY_FUNCS + MODERN_FUNCS), i) for i in range(rng.randint(6, 30))]
        return f"jobs/legacy/job_{index}.py", "\n".join(parts)
    parts = [HEADER_MODERN.format(doc=f"Pipeline {index}.")]
    parts += [fill(rng.choice(MODERN_FUNCS), i) for i in range(rng.randint(8, 40))]
    return f"jobs/pipelines/pipeline_{index}.py", "\n".join(parts)


def generate(out: Path, min_lines: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    lines = files = 0
    while lines < min_lines:
        rel, text = make_file(rng, files)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        lines += text.count("\n")
        files += 1
    return files, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    files, lines = generate(args.out, args.lines, args.seed)
    print(f"generated {files} files, {lines} lines in {args.out}")


if __name__ == "__main__":
    main()
