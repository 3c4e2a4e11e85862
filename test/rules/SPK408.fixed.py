# Fixture for SPK408 (attribute-style column access; opt-in).
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()
people = spark.table("people")
orders = spark.table("orders")

adults = people.filter(people["age"] >= 18)  # info: [SPK408]
names = people.select(people["name"], people["city"])  # info: [SPK408]
missing = people.where(people["email"].isNull())  # info: [SPK408]
joined = people.join(orders, people["id"] == orders["person_id"])  # info: [SPK408]
ordered = orders.orderBy(orders["amount"].desc())  # info: [SPK408]
amount = orders["amount"]  # info: [SPK408]


def high_value(frame: DataFrame):
    return frame.filter(frame["amount"] > 1000)  # info: [SPK408]


# Clean: members and explicit column references.
n = people.count()  # ok
cols = people.columns  # ok
adults = people.filter(F.col("age") >= 18)  # ok
names = people.select(people["name"])  # ok
people.createOrReplaceTempView("people_v")  # ok
writer = people.write  # ok
private = people._jdf  # ok: private names are the JVM rules'


class Person:
    def __init__(self):
        self.age = 3


p = Person()
older = p.age > 2  # ok: a local class
