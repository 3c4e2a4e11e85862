import re

from pyspark.sql import functions as F

EMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")


def looks_valid(address):
    return address is not None and EMAIL.match(address) is not None


def run(spark):
    signups = spark.createDataFrame(
        [("ana", "ana@mail.com"), ("bo", "bo(at)mail.com"), ("cy", None), ("di", "di.lee+news@corp.co.uk"), ("ed", "ed@")],
        "name string, email string",
    )
    is_valid = F.udf(looks_valid, "boolean")
    good = signups.filter(is_valid("email"))
    return sorted(r.name for r in good.collect())
