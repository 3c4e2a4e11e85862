import os
import tempfile

from pyspark.sql import functions as F


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "people.txt")
    with open(path, "w") as f:
        f.write("Michael, 29\nAndy, 30\nJustin, 19\nMaria, 41\n")
    parts = spark.read.text(path).select(F.split("value", ",").alias("p"))
    df = parts.select(F.col("p")[0].alias("name"), F.trim(F.col("p")[1]).cast("long").alias("age"))
    df.createOrReplaceTempView("people")
    teens = spark.sql("SELECT name FROM people WHERE age BETWEEN 13 AND 19")
    return [r.name for r in teens.collect()], df.count()
