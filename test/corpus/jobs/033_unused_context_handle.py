# corpus: style=tutorial
# corpus: expect=migrates
# Word lengths with the DataFrame API; the sc handle is a leftover from the template.
# The report always has the same columns, whatever the poem holds.
import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("word-lengths").getOrCreate()
sc = spark.sparkContext

here = os.path.dirname(os.path.abspath(__file__))
lines = spark.read.text(os.path.join(here, "..", "data", "poem.txt"))
words = lines.select(F.explode(F.split(F.lower("value"), r"\s+")).alias("word")).filter("word != ''")
(words.withColumn("length", F.length("word"))
      .groupBy("length").count()
      .orderBy("length")
      .show())

report = words.groupBy("word").count()
for column in ["count", "first_seen", "last_seen", "word"]:
    if column not in report.columns:
        report = report.withColumn(column, F.lit(None).cast("string"))
print(report.columns)
report.filter("count > 2").orderBy("word").show()
