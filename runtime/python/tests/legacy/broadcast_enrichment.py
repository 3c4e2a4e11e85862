"""Legacy job: enrich rows with a broadcast lookup table through df.rdd.map(...).toDF().

Usage: broadcast_enrichment.py
"""
from pyspark.sql import SparkSession

states = {"NY": "New York", "CA": "California", "FL": "Florida"}

spark = SparkSession.builder.appName("broadcast-enrichment").getOrCreate()
broadcast_states = spark.sparkContext.broadcast(states)

data = [
    ("James", "Smith", "USA", "CA"),
    ("Michael", "Rose", "USA", "NY"),
    ("Robert", "Williams", "USA", "CA"),
    ("Maria", "Jones", "USA", "FL"),
]
columns = ["firstname", "lastname", "country", "state"]
df = spark.createDataFrame(data=data, schema=columns)


def state_name(code):
    return broadcast_states.value[code]


result = df.rdd.map(lambda x: (x[0], x[1], x[2], state_name(x[3]))).toDF(columns)
result.orderBy("firstname").show(truncate=False)
print(result.schema.simpleString())
print(sorted(result.collect()))
broadcast_states.unpersist()
print(broadcast_states.value["NY"])
