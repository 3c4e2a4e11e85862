"""Legacy job: Spark 1.x style SQLContext on top of SparkContext.getOrCreate().

Usage: sqlcontext_queries.py
"""
from pyspark import SparkContext
from pyspark.sql import SparkSession, SQLContext
from pyspark.sql.types import IntegerType

spark = SparkSession.builder.appName("legacy-sql").getOrCreate()
sc = SparkContext.getOrCreate()
sqlContext = SQLContext(sc)

people = sqlContext.createDataFrame([("alice", 34), ("bob", 45), ("carol", 29)], ["name", "age"])
sqlContext.registerDataFrameAsTable(people, "people")
sqlContext.registerFunction("plus_one", lambda x: x + 1, IntegerType())
print(sorted(sqlContext.tableNames()))

query = "SELECT name, plus_one(age) AS next_age FROM people WHERE age > 30 ORDER BY name"
print(sqlContext.sql(query).collect())

sqlContext.setConf("spark.sql.shuffle.partitions", "3")
print(sqlContext.getConf("spark.sql.shuffle.partitions"))

sqlContext.cacheTable("people")
print("cached:", spark.catalog.isCached("people"))
sqlContext.uncacheTable("people")
print("cached:", spark.catalog.isCached("people"))
sqlContext.clearCache()

print(sqlContext.table("people").count())
listed = sqlContext.tables().filter("tableName = 'people'")
print(listed.select("tableName", "isTemporary").collect())
print(type(sqlContext.read).__name__)
print(sqlContext.range(3).collect())
sqlContext.dropTempTable("people")
print("people" in sqlContext.tableNames())
