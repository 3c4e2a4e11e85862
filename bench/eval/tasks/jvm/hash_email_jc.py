from pyspark.sql import Column, functions as F


def pseudonymise(spark, col_name):
    jfunctions = spark._jvm.org.apache.spark.sql.functions
    return Column(jfunctions.sha2(F.lower(F.col(col_name))._jc, 256))


def run(spark):
    users = spark.createDataFrame([("u1", "Ann@Example.com"), ("u2", "bob@example.com")], ["id", "email"])
    out = users.select("id", F.substring(pseudonymise(spark, "email"), 1, 12).alias("email_hash"))
    return sorted(tuple(r) for r in out.collect())
