import json
import os
import tempfile

from pyspark.sql import SQLContext


def run(spark):
    path = os.path.join(tempfile.mkdtemp(), "people.json")
    with open(path, "w") as f:
        for name, age, city in [("Ana", 34, "Lisbon"), ("Bruno", 17, "Porto"), ("Carla", 52, "Lisbon"), ("Dmitri", 29, "Faro")]:
            f.write(json.dumps({"name": name, "age": age, "city": city}) + "\n")
    sqlContext = SQLContext(spark.sparkContext)
    people = sqlContext.read.json(path)
    adults = people.filter(people.age >= 18).orderBy("name")
    return [(r.name, r.city) for r in adults.collect()]
