"""Legacy job: build test data with sc.parallelize(...).toDF() and createDataFrame(rdd).

Usage: parallelize_todf.py
"""
from pyspark.sql import Row, SparkSession

spark = SparkSession.builder.appName("parallelize-todf").getOrCreate()
sc = spark.sparkContext

people = sc.parallelize([(1, "alice", None), (2, "bob", 29.5), (3, "carol", 41.0)])
people_df = people.toDF(["id", "name", "score"])
people_df.printSchema()
people_df.orderBy("id").show()

squares = spark.createDataFrame(sc.parallelize(range(5)).map(lambda i: Row(n=i, square=i * i)))
print(squares.dtypes)
print(squares.agg({"square": "sum"}).first()[0])

nested = sc.parallelize([{"key": "a", "values": [1, 2]}, {"key": "b", "values": [3]}]).toDF()
print(nested.schema.simpleString())
print(sorted(nested.collect()))
