# corpus: style=tutorial
# corpus: expect=migrates
"""PySpark tutorial, part 2: an explicit schema with StructType."""
from pyspark.sql import SparkSession
from pyspark.sql.types import StructType, StructField, StringType, IntegerType, DoubleType

spark = SparkSession.builder.appName("schema-tutorial").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")

schema = StructType([
    StructField("name", StringType(), True),
    StructField("age", IntegerType(), True),
    StructField("height", DoubleType(), True),
])
rows = [("Anna", 31, 1.68), ("Ben", 25, 1.82), ("Chloe", 42, 1.74), ("Dev", None, 1.79)]

df = spark.createDataFrame(spark.sparkContext.parallelize(rows), schema)
df.printSchema()
df.orderBy("name").show()

print("average age:", df.selectExpr("avg(age)").first()[0])
print("tallest:", df.orderBy(df["height"].desc()).first()["name"])
print("missing ages:", df.filter(df["age"].isNull()).count())
