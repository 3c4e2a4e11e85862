# corpus: style=tutorial
# corpus: expect=migrates
from pyspark.sql import Row, SparkSession

spark = SparkSession.builder.appName("rdd-to-df").getOrCreate()
sc = spark.sparkContext

departments = [Row(dept_id=10, name="Finance"), Row(dept_id=20, name="Marketing"),
               Row(dept_id=30, name="Sales"), Row(dept_id=40, name="IT")]
rdd = sc.parallelize(departments)
dept_df = rdd.toDF()
dept_df.printSchema()
dept_df.orderBy("dept_id").show()

employees = [(1, "Smith", 10), (2, "Rose", 20), (3, "Williams", 10), (4, "Jones", 30)]
emp_rdd = sc.parallelize(employees)
emp_df = spark.createDataFrame(emp_rdd, "emp_id INT, last_name STRING, dept_id INT")
emp_df.join(dept_df, "dept_id").select("last_name", "name").orderBy("last_name").show()
