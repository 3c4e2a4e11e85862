# corpus: style=tutorial
# corpus: expect=remains reason="SPK108 broadcast variable read in a UDF: let the closure carry the dict or join a small DataFrame"
from pyspark.sql import SparkSession
from pyspark.sql.functions import udf

spark = SparkSession.builder.appName("broadcast-lookup").getOrCreate()
sc = spark.sparkContext

states = {"NY": "New York", "CA": "California", "FL": "Florida"}
broadcast_states = sc.broadcast(states)

data = [("James", "Smith", "USA", "CA"), ("Michael", "Rose", "USA", "NY"),
        ("Robert", "Williams", "USA", "CA"), ("Maria", "Jones", "USA", "FL")]
df = spark.createDataFrame(data, ["firstname", "lastname", "country", "state"])


@udf("string")
def state_name(code):
    return broadcast_states.value.get(code, "unknown")


df.withColumn("state_name", state_name("state")).orderBy("firstname").show(truncate=False)
