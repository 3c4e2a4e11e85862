# corpus: style=job-module
# corpus: expect=remains reason="SPK104 textFile and SPK309 reduceByKey word count need a spark.read.text + groupBy rewrite (SPK001/SPK120 stay with the context, SPK008 for the folded spark.default.parallelism)"
"""Word-frequency job for the search team, submitted nightly with spark-submit."""
import argparse
import os

from pyspark import SparkConf, SparkContext

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "b_words.txt")


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", default=DEFAULT_INPUT)
    parser.add_argument("--top", type=int, default=6)
    return parser.parse_known_args()[0]


def main():
    args = parse_args()
    conf = SparkConf().setAppName("word-frequency").set("spark.default.parallelism", "2")
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    counts = (
        sc.textFile(args.input)
        .flatMap(lambda line: line.split())
        .map(lambda word: (word.lower(), 1))
        .reduceByKey(lambda a, b: a + b)
    )
    top = sorted(counts.collect(), key=lambda kv: (-kv[1], kv[0]))[: args.top]
    for word, n in top:
        print(f"{word:>8} {n}")
    print("vocabulary:", counts.count())
    sc.stop()


if __name__ == "__main__":
    main()
