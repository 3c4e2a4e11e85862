# corpus: style=multi-module
# corpus: expect=remains reason="SPK104 textFile in readers.py and SPK309 the reduceByKey word count in counting.py (found through what main.py passes its parameter) need a DataFrame rewrite; SPK001 stays for them"
"""Keyword frequency job split into readers and counting modules."""
import os

from pyspark import SparkConf, SparkContext

from counting import top_words
from readers import read_lines

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")

conf = SparkConf().setAppName("keyword-frequency")
sc = SparkContext.getOrCreate(conf)
lines = read_lines(sc, os.path.join(DATA, "b_words.txt"))
for word, count in top_words(lines, 5):
    print(word, count)
print("lines:", lines.count())
