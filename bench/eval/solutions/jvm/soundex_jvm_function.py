from pyspark.sql import functions as F


def soundex(spark, col):
    return F.soundex(col)


def run(spark):
    people = spark.createDataFrame([("Robert",), ("Rupert",), ("Ashcraft",), ("Tymczak",)], ["surname"])
    coded = people.select("surname", soundex(spark, "surname").alias("code"))
    return sorted(tuple(r) for r in coded.collect())
