# corpus: style=tutorial
# corpus: expect=remains reason="SPK104 textFile plus map(split) into a DataFrame: read with spark.read.csv(sep=' ') instead"
import os

from pyspark.sql import Row, SparkSession

spark = SparkSession.builder.appName("parse-access-log").getOrCreate()
sc = spark.sparkContext

here = os.path.dirname(os.path.abspath(__file__))
lines = sc.textFile(os.path.join(here, "..", "data", "access.log"))
parts = lines.map(lambda line: line.split(" "))
requests = parts.map(lambda p: Row(ip=p[0], method=p[1], path=p[2], status=int(p[3]), size=int(p[4])))
log = spark.createDataFrame(requests)

log.createOrReplaceTempView("log")
spark.sql("SELECT status, count(*) AS hits, sum(size) AS bytes FROM log GROUP BY status ORDER BY status").show()
