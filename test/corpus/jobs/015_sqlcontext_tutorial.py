# corpus: style=tutorial
# corpus: expect=migrates
# Spark 1.x style tutorial: everything goes through an SQLContext.
import os

from pyspark import SparkContext
from pyspark.sql import SQLContext

sc = SparkContext.getOrCreate()
sqlContext = SQLContext(sc)

here = os.path.dirname(os.path.abspath(__file__))
people = sqlContext.read.csv(os.path.join(here, "..", "data", "people.csv"), header=True, inferSchema=True)
sqlContext.registerDataFrameAsTable(people, "people")

adults = sqlContext.sql("SELECT name, age FROM people WHERE age >= 40 ORDER BY age")
adults.show()

cities = sqlContext.createDataFrame([("Paris", "FR"), ("London", "UK"), ("Berlin", "DE")], ["city", "country"])
cities.createOrReplaceTempView("cities")
sqlContext.sql("""
    SELECT c.country, count(*) AS people
    FROM people p JOIN cities c ON p.city = c.city
    GROUP BY c.country ORDER BY c.country
""").show()

sqlContext.setConf("spark.sql.shuffle.partitions", "2")
print("partitions:", sqlContext.getConf("spark.sql.shuffle.partitions"))
print("people" in sqlContext.tableNames())
sqlContext.dropTempTable("people")
print("people" in sqlContext.tableNames())
