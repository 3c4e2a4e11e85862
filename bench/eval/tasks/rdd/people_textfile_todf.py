import os
import tempfile


def run(spark):
    sc = spark.sparkContext
    path = os.path.join(tempfile.mkdtemp(), "people.txt")
    with open(path, "w") as f:
        f.write("Michael, 29\nAndy, 30\nJustin, 19\nMaria, 41\n")
    parts = sc.textFile(path).map(lambda l: l.split(","))
    people = parts.map(lambda p: (p[0], int(p[1].strip())))
    df = people.toDF(["name", "age"])
    df.createOrReplaceTempView("people")
    teens = spark.sql("SELECT name FROM people WHERE age BETWEEN 13 AND 19")
    return [r.name for r in teens.collect()], df.count()
