"""Language server benchmark (not a test): keystroke-to-diagnostics latency
on a 10k-line file, and server memory with 50 open files.

    .venv/bin/python bench/lsp_latency.py --binary build/sparkmigrate

Latency: a push client (publishDiagnostics) types one character at a time at
the end of a flagged line; each sample is the time from writing didChange to
reading the publishDiagnostics for that version (includes the server's
debounce, 25 ms by default; --debounce changes it). A pull client variant
measures didChange + textDocument/diagnostic round trips (no debounce).
Memory: VmRSS and VmHWM of the server after opening 50 files of 1,000 lines.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "test" / "python"))
os.environ.setdefault("SPARKMIGRATE_BIN", "build/sparkmigrate")

BLOCK = [
    "from pyspark.sql import SparkSession, functions as F",
    "spark = SparkSession.builder.getOrCreate()",
    "df = spark.read.table('events').where(F.col('x') > 1)",
    "rdd = spark.sparkContext.parallelize([1, 2, 3])",
    "out = df.groupBy('k').agg(F.sum('v').alias('total'))",
    "def helper(frame):",
    "    return frame.select('a', 'b').withColumn('c', F.lit(1))",
    "result = helper(df).collect()",
    "print(len(result))",
    "",
]


def corpus(lines: int) -> str:
    out = []
    while len(out) < lines:
        out.extend(BLOCK)
    return "\n".join(out[:lines]) + "\n"


def rss(pid):
    values = {}
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            name, value = line.split(":")
            values[name] = int(value.split()[0]) / 1024
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.environ["SPARKMIGRATE_BIN"])
    parser.add_argument("--keystrokes", type=int, default=100)
    parser.add_argument("--debounce", type=int, default=None)
    args = parser.parse_args()
    os.environ["SPARKMIGRATE_BIN"] = os.path.abspath(args.binary)
    from test_lsp_client import LspClient

    root = Path(tempfile.mkdtemp(prefix="sparkmigrate-bench-"))
    text = corpus(10_000)
    big = root / "big.py"
    big.write_text(text)
    line = 3 + 10 * 500  # a flagged line in the middle
    col = len(BLOCK[3])

    options = {"settings": {"debounceMs": args.debounce}} if args.debounce is not None else None
    # --- push latency
    c = LspClient()
    c.initialize(root, {}, options)
    c.open(big, text)
    c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == big.as_uri(), timeout=60)
    samples = []
    for i in range(args.keystrokes):
        version = i + 2
        start = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": big.as_uri(), "version": version},
                                            "contentChanges": [{"range": {
                                                "start": {"line": line, "character": col + i},
                                                "end": {"line": line, "character": col + i}}, "text": " "}]})
        p = c.notification("textDocument/publishDiagnostics", lambda p: p.get("version") == version, timeout=60)
        samples.append((time.perf_counter() - start) * 1000)
        n = len(p["diagnostics"])
    c.close()
    samples.sort()
    print(f"push  keystroke->diagnostics, 10,000 lines ({n} findings), {len(samples)} keystrokes: "
          f"median {statistics.median(samples):.1f} ms, p95 {samples[int(len(samples) * 0.95) - 1]:.1f} ms "
          f"(includes the debounce)")

    # --- pull latency
    c = LspClient()
    c.initialize(root, {"textDocument": {"diagnostic": {}}, "general": {"positionEncodings": ["utf-8"]}})
    c.open(big, text)
    samples = []
    for i in range(args.keystrokes):
        start = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": big.as_uri(), "version": i + 2},
                                            "contentChanges": [{"range": {
                                                "start": {"line": line, "character": col + i},
                                                "end": {"line": line, "character": col + i}}, "text": " "}]})
        c.request("textDocument/diagnostic", {"textDocument": {"uri": big.as_uri()}}, timeout=60)
        samples.append((time.perf_counter() - start) * 1000)
    c.close()
    samples.sort()
    print(f"pull  didChange+diagnostic,     10,000 lines, {len(samples)} keystrokes: "
          f"median {statistics.median(samples):.1f} ms, p95 {samples[int(len(samples) * 0.95) - 1]:.1f} ms")

    # --- memory with 50 open files
    c = LspClient()
    c.initialize(root, {"textDocument": {"diagnostic": {}}})
    idle = rss(c.proc.pid)
    small = corpus(1_000)
    for i in range(50):
        f = root / f"file{i}.py"
        c.open(f, small)
        c.request("textDocument/diagnostic", {"textDocument": {"uri": f.as_uri()}}, timeout=60)
    mem = rss(c.proc.pid)
    c.close()
    print(f"memory: idle {idle['VmRSS']:.1f} MiB RSS; 50 open files x 1,000 lines (analysed): "
          f"{mem['VmRSS']:.1f} MiB RSS, peak {mem['VmHWM']:.1f} MiB")


if __name__ == "__main__":
    main()
