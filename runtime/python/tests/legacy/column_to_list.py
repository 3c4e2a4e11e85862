"""Legacy job: pull columns into Python lists through df.rdd (the most common RDD bridge use).

Usage: column_to_list.py
"""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("column-to-list").getOrCreate()
df = spark.createDataFrame(
    [("alice", 34, "NY"), ("bob", 45, "CA"), ("carol", 29, "NY")], ["name", "age", "state"]
)
names = df.select("name").rdd.flatMap(lambda x: x).collect()
print(sorted(names))
ages = df.rdd.map(lambda row: row.age).collect()
print(sorted(ages))
print(df.filter("age > 100").rdd.isEmpty(), df.rdd.isEmpty())
print(df.rdd.count(), df.rdd.take(1)[0].asDict().keys())
print(sorted(df.rdd.map(lambda row: (row.state, 1)).countByKey().items()))
older = df.rdd.filter(lambda row: row["age"] > 30).toDF()
print(older.schema.simpleString(), sorted(older.collect()))
