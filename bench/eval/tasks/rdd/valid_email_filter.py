import re

EMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")


def looks_valid(address):
    return address is not None and EMAIL.match(address) is not None


def run(spark):
    signups = spark.createDataFrame(
        [("ana", "ana@mail.com"), ("bo", "bo(at)mail.com"), ("cy", None), ("di", "di.lee+news@corp.co.uk"), ("ed", "ed@")],
        "name string, email string",
    )
    good = signups.rdd.filter(lambda r: looks_valid(r.email))
    return sorted(r.name for r in good.collect())
