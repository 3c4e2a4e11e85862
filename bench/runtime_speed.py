"""Benchmark: legacy RDD jobs on Spark Connect through the runtime shim, beside classic Spark.

    .venv/bin/python bench/runtime_speed.py [--rows N] [--lines N] [--repeat N]
    (or `make bench-runtime`)

The same job functions run, in the same run, on classic local Spark (``local[2]``, in a
child process with its own SparkContext) and on a local Spark Connect server (``local[2]``,
the same configuration) through ``sparkmigrate_runtime.install(spark)``. Each job runs once
to warm the JVM and the Python workers, then ``--repeat`` times; the table shows the median
wall time of each engine and the ratio. Both engines are local and share this machine, so
only the ratio means much; the target (issue 18) is Connect+shim within 2x of classic.

The jobs are what tutorials and real jobs do with RDDs: map/filter/sum over parallelized
numbers, a word count of a text file with ``reduceByKey``, per-key maximum with ``max``,
``groupByKey`` with a per-group length, a pair-RDD ``join``, ``distinct`` and ``aggregate``.
Every job returns its result, and the two engines' results are compared: a benchmark of a
wrong answer is worthless. Prints a Markdown table (docs/runtime.md's) and the raw figures as
JSON on the last line. No figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import operator
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "runtime" / "python" / "tests"))
sys.path.insert(0, str(ROOT / "runtime" / "python" / "src"))

WORDS = ("spark connect driver executor shuffle partition lambda tuple python arrow "
         "batch column frame query plan stage task record value key").split()


# --- the jobs (the same code runs on both engines) -------------------------------------------

def map_filter_sum(sc, data):
    return sc.parallelize(range(data["rows"]), 4).map(lambda x: x * 3).filter(
        lambda x: x % 2 == 0).sum()


def range_map_count(sc, data):
    return sc.range(data["rows"]).map(lambda x: (x % 7, x)).filter(lambda p: p[0] > 2).count()


def word_count(sc, data):
    counts = (sc.textFile(data["text"]).flatMap(lambda line: line.split())
              .map(lambda word: (word, 1)).reduceByKey(lambda a, b: a + b))
    return sorted(counts.collect())


def word_count_operator(sc, data):
    counts = (sc.textFile(data["text"]).flatMap(str.split)
              .map(lambda word: (word, 1)).reduceByKey(operator.add))
    return sorted(counts.collect())


def max_by_key(sc, data):
    pairs = sc.parallelize(range(data["rows"]), 4).map(lambda x: (x % 1000, (x * 7919) % 10007))
    return sorted(pairs.reduceByKey(max).collect())


def group_sizes(sc, data):
    pairs = sc.parallelize(range(data["rows"] // 4), 4).map(lambda x: (x % 500, x))
    return sorted(pairs.groupByKey().mapValues(len).collect())


def join_pairs(sc, data):
    left = sc.parallelize(range(data["rows"] // 10), 4).map(lambda x: (x % 2000, x))
    right = sc.parallelize(range(2000), 2).map(lambda k: (k, k * k))
    return left.join(right).map(lambda kv: kv[1][0] + kv[1][1]).sum()


def distinct_count(sc, data):
    return sc.parallelize(range(data["rows"]), 4).map(lambda x: x % 5003).distinct().count()


def aggregate_stats(sc, data):
    return sc.parallelize(range(data["rows"]), 4).aggregate(
        (0, 0), lambda acc, x: (acc[0] + x, acc[1] + 1), lambda a, b: (a[0] + b[0], a[1] + b[1]))


JOBS = [map_filter_sum, range_map_count, word_count, word_count_operator, max_by_key,
        group_sizes, join_pairs, distinct_count, aggregate_stats]


# --- one engine, in a child process ---------------------------------------------------------

def run_engine(engine: str, remote: str | None, data: dict, repeat: int) -> dict:
    """Runs every job on one engine in this process; {job: {"seconds": [...], "result"}}."""
    from pyspark.sql import SparkSession
    from spark_server import LOCAL_MASTER, LOCAL_SPARK_CONF

    if engine == "classic":
        builder = SparkSession.builder.master(LOCAL_MASTER)
        for key, value in LOCAL_SPARK_CONF.items():
            builder = builder.config(key, value)
        spark = builder.getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
    else:
        import sparkmigrate_runtime

        spark = SparkSession.builder.remote(remote).getOrCreate()
        sparkmigrate_runtime.install(spark)
    sc = spark.sparkContext
    figures = {}
    for job in JOBS:
        result = job(sc, data)  # warm-up
        seconds = []
        for _ in range(repeat):
            start = time.perf_counter()
            job(sc, data)
            seconds.append(time.perf_counter() - start)
        digest = hashlib.sha256(repr(result).encode()).hexdigest()[:16]
        figures[job.__name__] = {"seconds": seconds, "result": digest}
    spark.stop()
    return figures


def child(engine: str, remote: str | None, data: dict, repeat: int, out: Path) -> dict:
    from spark_server import spark_environment

    command = [sys.executable, __file__, "--engine", engine, "--data", json.dumps(data),
               "--repeat", str(repeat), "--out", str(out)]
    if remote:
        command += ["--remote", remote]
    env = spark_environment()
    env["PYTHONPATH"] = str(ROOT / "runtime" / "python" / "src")
    subprocess.run(command, check=True, env=env, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())


def write_text(path: Path, lines: int) -> None:
    generator = random.Random(18)
    with open(path, "w", encoding="utf-8") as stream:
        for _ in range(lines):
            stream.write(" ".join(generator.choice(WORDS) for _ in range(8)) + "\n")


def table(classic: dict, connect: dict, data: dict) -> str:
    rows = ["| job | classic | Connect + shim | ratio | same result |", "|---|---|---|---|---|"]
    for job in JOBS:
        name = job.__name__
        a = statistics.median(classic[name]["seconds"])
        b = statistics.median(connect[name]["seconds"])
        same = "yes" if classic[name]["result"] == connect[name]["result"] else "**no**"
        rows.append(f"| `{name}` | {a:.2f} s | {b:.2f} s | {b / a:.2f}x | {same} |")
    return "\n".join(rows) + (f"\n\n{data['rows']:,} numbers, {data['lines']:,} lines of text; "
                              "median of the timed runs after one warm-up.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--lines", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", choices=("classic", "connect"))
    parser.add_argument("--remote")
    parser.add_argument("--data")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.engine:  # the child
        figures = run_engine(args.engine, args.remote, json.loads(args.data), args.repeat)
        Path(args.out).write_text(json.dumps(figures))
        return

    from spark_server import SparkConnectServer

    with tempfile.TemporaryDirectory(prefix="sparkmigrate-runtime-bench-") as scratch:
        work = Path(scratch)
        text = work / "words.txt"
        write_text(text, args.lines)
        data = {"rows": args.rows, "lines": args.lines, "text": str(text)}
        classic = child("classic", None, data, args.repeat, work / "classic.json")
        server = SparkConnectServer(work / "server")
        server.start()
        try:
            connect = child("connect", server.url, data, args.repeat, work / "connect.json")
        finally:
            server.stop()
    print(table(classic, connect, data))
    print(json.dumps({"classic": classic, "connect": connect, "data": {
        key: value for key, value in data.items() if key != "text"}}))


if __name__ == "__main__":
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    main()
