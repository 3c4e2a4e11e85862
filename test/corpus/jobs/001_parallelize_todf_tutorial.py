# corpus: style=tutorial
# corpus: expect=migrates
"""PySpark tutorial, part 1: DataFrames from Python lists."""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("tutorial-dataframes").getOrCreate()
sc = spark.sparkContext

data = [("James", "Sales", 3000), ("Michael", "Sales", 4600), ("Robert", "Sales", 4100),
        ("Maria", "Finance", 3000), ("Scott", "Finance", 3300), ("Jen", "Finance", 3900),
        ("Jeff", "Marketing", 3000), ("Kumar", "Marketing", 2000)]
columns = ["employee_name", "department", "salary"]

df = sc.parallelize(data).toDF(columns)
df.printSchema()
df.orderBy("employee_name").show(truncate=False)

by_dept = df.groupBy("department").sum("salary").orderBy("department")
by_dept.show()
print("rows:", df.count())
spark.stop()
