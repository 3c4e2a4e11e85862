from pyspark.sql import Column
from pyspark.sql.classic.column import _to_java_column


def soundex(spark, col):
    fn = spark.sparkContext._jvm.org.apache.spark.sql.functions.soundex
    return Column(fn(_to_java_column(col)))


def run(spark):
    people = spark.createDataFrame([("Robert",), ("Rupert",), ("Ashcraft",), ("Tymczak",)], ["surname"])
    coded = people.select("surname", soundex(spark, "surname").alias("code"))
    return sorted(tuple(r) for r in coded.collect())
