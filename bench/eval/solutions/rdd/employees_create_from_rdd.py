from pyspark.sql import Row


def to_employee(line):
    name, dept, salary = line.split(";")
    return Row(name=name, dept=dept, salary=int(salary))


def run(spark):
    lines = ["Ava;eng;120000", "Raj;eng;98000", "Lin;sales;70000", "Tom;sales;82000", "Zoe;hr;65000"]
    employees = spark.createDataFrame([to_employee(l) for l in lines])
    employees.createOrReplaceTempView("employees")
    rows = spark.sql("SELECT dept, max(salary) AS top FROM employees GROUP BY dept ORDER BY dept").collect()
    return [(r.dept, r.top) for r in rows]
