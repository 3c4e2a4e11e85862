"""Legacy job: word count over sc.textFile, the classic first Spark program.

Usage: wordcount.py INPUT_PATH
"""
import sys
from operator import add

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("wordcount").getOrCreate()
sc = spark.sparkContext

lines = sc.textFile(sys.argv[1])
counts = (
    lines.flatMap(lambda line: line.lower().split())
    .map(lambda word: (word.strip(".,;:!?\"'"), 1))
    .filter(lambda pair: pair[0] != "")
    .reduceByKey(add)
    .sortBy(lambda pair: (-pair[1], pair[0]))
)
for word, count in counts.take(8):
    print(f"{word}\t{count}")
print("distinct words:", counts.count())
print("lines:", lines.count(), "first:", lines.first())
