# corpus: style=control
# corpus: expect=clean
import os
from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("people-report").getOrCreate()
here = os.path.dirname(os.path.abspath(__file__))
people = spark.read.csv(os.path.join(here, "..", "data", "people.csv"), header=True, inferSchema=True)
people.createOrReplaceTempView("people")
spark.sql("SELECT city, count(*) AS n, avg(age) AS avg_age FROM people GROUP BY city ORDER BY city").show()
print(sorted(r.name for r in people.filter(F.col("age") > 40).collect()))
