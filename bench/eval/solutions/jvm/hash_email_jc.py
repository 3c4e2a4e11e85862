from pyspark.sql import functions as F


def pseudonymise(spark, col_name):
    return F.sha2(F.lower(F.col(col_name)), 256)


def run(spark):
    users = spark.createDataFrame([("u1", "Ann@Example.com"), ("u2", "bob@example.com")], ["id", "email"])
    out = users.select("id", F.substring(pseudonymise(spark, "email"), 1, 12).alias("email_hash"))
    return sorted(tuple(r) for r in out.collect())
