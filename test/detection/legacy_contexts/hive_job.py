# HiveContext used the way SQLContext is, and Spark's exceptions from their old module.
from pyspark import SparkContext
from pyspark.sql import HiveContext
from pyspark.sql.utils import AnalysisException

sc = SparkContext.getOrCreate()  # error: [SPK005]
hive = HiveContext(sc)  # error: [SPK503]
people = hive.createDataFrame([("ann", 3)], ["name", "age"])  # error: [SPK502]
hive.registerDataFrameAsTable(people, "people")  # error: [SPK502]
try:
    rows = hive.sql("SELECT * FROM people").collect()  # error: [SPK502]
except AnalysisException:
    rows = []
print(hive.tableNames())  # error: [SPK502]
