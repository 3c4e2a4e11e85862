# corpus: style=tutorial
# corpus: expect=remains reason="SPK104 textFile and SPK309 reduceByKey word count need a DataFrame rewrite"
import os
from pyspark import SparkConf, SparkContext

conf = SparkConf().setAppName("WordCount").setMaster("local[2]")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")

here = os.path.dirname(os.path.abspath(__file__))
lines = sc.textFile(os.path.join(here, "..", "data", "poem.txt"))
counts = (lines.flatMap(lambda line: line.lower().split())
          .map(lambda word: (word, 1))
          .reduceByKey(lambda a, b: a + b))
for word, n in sorted(counts.collect(), key=lambda kv: (-kv[1], kv[0]))[:10]:
    print(f"{word}: {n}")
print("distinct words:", counts.count())
sc.stop()
