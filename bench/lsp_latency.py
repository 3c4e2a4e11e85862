"""Language server benchmark (not a test): keystroke-to-diagnostics latency
on 1k- and 10k-line files, and server memory with 50 open files.

    .venv/bin/python bench/lsp_latency.py --binary build/sparkmigrate

Latency, on generated job files of 1,000 and 10,000 lines (numbered job
steps, two findings each; flat at module level as in a notebook, or each
step the body of a function): a push client (publishDiagnostics) types one digit
at a time inside a list literal on a flagged line in the middle; each sample
is the time from writing didChange to reading the publishDiagnostics for that
version (includes the server's debounce, 25 ms by default; --debounce changes
it). A pull client variant measures didChange + textDocument/diagnostic round
trips (no debounce), sending the previous result id as editors do; each digit
changes the fix text of the finding on that line, so every answer is a full
report (about 1.1 MB of JSON at 10,000 lines), which the Python client reads
and decodes within the measured time; the time until the reply's bytes are
all read, before decoding, is shown beside it. Beside the wall time, the
server's own CPU time per keystroke (from /proc, so independent of the
client) is shown.
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

HEADER = [
    "from pyspark.sql import SparkSession, functions as F",
    "spark = SparkSession.builder.getOrCreate()",
    "",
]
# One job step; names are numbered per block, as in real code (a file does
# not rebind the same names a thousand times).
BLOCK = [
    "df_{i} = spark.read.table('events_{i}').where(F.col('x') > 1)",
    "rdd_{i} = spark.sparkContext.parallelize([1, 2, 3])",
    "out_{i} = df_{i}.groupBy('k').agg(F.sum('v').alias('total'))",
    "def helper_{i}(frame):",
    "    return frame.select('a', 'b').withColumn('c', F.lit(1))",
    "result_{i} = helper_{i}(df_{i}).collect()",
    "print(len(result_{i}), df_{i}.rdd.count())",
    "",
]


# The same steps as the body of one function each, using the module's
# `spark` (code in functions: the common case).
FUNCTION_BLOCK = ["def step_{i}():"] + ["    " + line for line in BLOCK if line] + ["    return out_{i}", ""]
STYLES = {"flat": BLOCK, "functions": FUNCTION_BLOCK}


def corpus(lines: int, style: str = "flat") -> str:
    block = STYLES[style]
    out = list(HEADER)
    i = 0
    while len(out) < lines:
        out.extend(line.format(i=i) for line in block)
        i += 1
    return "\n".join(out[:lines]) + "\n"


def rss(pid):
    values = {}
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            name, value = line.split(":")
            values[name] = int(value.split()[0]) / 1024
    return values


def cpu_seconds(pid) -> float:
    """User + system CPU time of process `pid` so far (all its threads)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def typing_point(lines: int, style: str = "flat"):
    """A flagged line in the middle of the file (0-based) and the column just
    inside its list literal: the benchmark types digits there (`[1` -> `[10` ...)."""
    block = STYLES[style]
    middle = (lines - len(HEADER)) // len(block) // 2
    offset = next(k for k, line in enumerate(block) if "parallelize([1" in line)
    line = block[offset].format(i=middle)
    return len(HEADER) + middle * len(block) + offset, line.index("[1") + 2


def latency(root: Path, lines: int, keystrokes: int, options, pull: bool, style: str = "flat"):
    from test_lsp_client import LspClient

    text = corpus(lines, style)
    path = root / f"file_{lines}_{style}.py"
    path.write_text(text)
    line, col = typing_point(lines, style)
    c = LspClient()
    if pull:
        c.initialize(root, {"textDocument": {"diagnostic": {}}, "general": {"positionEncodings": ["utf-8"]}},
                     options)
    else:
        c.initialize(root, {}, options)
    c.open(path, text)
    if pull:
        c.request("textDocument/diagnostic", {"textDocument": {"uri": path.as_uri()}}, timeout=60)
    else:
        c.notification("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri(), timeout=60)
    samples = []
    arrivals = []  # pull: until the reply's bytes are all read, before the client decodes them
    findings = 0
    result_id = None
    cpu_before = cpu_seconds(c.proc.pid)
    for i in range(keystrokes):
        version = i + 2
        start = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": version},
                                            "contentChanges": [{"range": {
                                                "start": {"line": line, "character": col + i},
                                                "end": {"line": line, "character": col + i}}, "text": "0"}]})
        if pull:
            # Like an editor, send the id of the last report: an unchanged
            # report comes back as {"kind": "unchanged"}.
            params = {"textDocument": {"uri": path.as_uri()}}
            if result_id:
                params["previousResultId"] = result_id
            rid = c.request_async("textDocument/diagnostic", params)
            report = c.response(rid, timeout=60)["result"]
            arrivals.append((c.arrivals[rid] - start) * 1000)
            result_id = report["resultId"]
            if report["kind"] == "full":
                findings = len(report["items"])
        else:
            p = c.notification("textDocument/publishDiagnostics", lambda p: p.get("version") == version,
                               timeout=60)
            findings = len(p["diagnostics"])
        samples.append((time.perf_counter() - start) * 1000)
    server_cpu = (cpu_seconds(c.proc.pid) - cpu_before) * 1000 / keystrokes
    c.close()
    samples.sort()
    kind = "pull  didChange+diagnostic    " if pull else "push  keystroke->diagnostics  "
    print(f"{kind} {lines:>6,} lines, {style} ({findings:,} findings), {len(samples)} keystrokes: "
          f"median {statistics.median(samples):.1f} ms, p95 {samples[int(len(samples) * 0.95) - 1]:.1f} ms"
          + ("" if pull else " (includes the debounce)") + f"; server CPU {server_cpu:.1f} ms per keystroke"
          + (f"; reply read in {statistics.median(arrivals):.1f} ms (median, before decoding)" if pull else ""),
          flush=True)
    return statistics.median(samples), server_cpu, statistics.median(arrivals) if pull else None


def memory(root: Path) -> float:
    """VmRSS (MiB) of a server with 50 files of 1,000 lines open and analysed."""
    from test_lsp_client import LspClient

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
          f"{mem['VmRSS']:.1f} MiB RSS, peak {mem['VmHWM']:.1f} MiB", flush=True)
    return mem["VmRSS"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.environ["SPARKMIGRATE_BIN"])
    parser.add_argument("--keystrokes", type=int, default=100)
    parser.add_argument("--debounce", type=int, default=None)
    args = parser.parse_args()
    os.environ["SPARKMIGRATE_BIN"] = os.path.abspath(args.binary)
    root = Path(tempfile.mkdtemp(prefix="sparkmigrate-bench-"))
    options = {"settings": {"debounceMs": args.debounce}} if args.debounce is not None else None
    for style in STYLES:
        for lines in (1_000, 10_000):
            latency(root, lines, args.keystrokes, options, pull=False, style=style)
            latency(root, lines, args.keystrokes, options, pull=True, style=style)

    memory(root)


if __name__ == "__main__":
    main()
