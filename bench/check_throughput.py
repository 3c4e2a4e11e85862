"""Benchmark: `sparkmigrate check` throughput in lines per second.

Generates the deterministic corpus of bench/gen_corpus.py (at least 200k lines)
into a temporary folder (outside the repository, whose .gitignore the check
would honour), then times full checks (parallel, default jobs, and one job)
over it. Reports the median of several runs. Run with `make bench`; the
figures go into the README by hand.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gen_corpus  # noqa: E402


def timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - start, proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=str(HERE.parent / "build" / "sparkmigrate"))
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    corpus = Path(tempfile.mkdtemp(prefix="sparkmigrate-bench-"))
    files, lines = gen_corpus.generate(corpus, args.lines, 20261121)
    print(f"corpus: {files} files, {lines} lines, {sum(p.stat().st_size for p in corpus.rglob('*.py')) / 1e6:.1f} MB")

    # Warm the page cache, count findings.
    _, proc = timed([args.binary, "check", str(corpus), "--output-format", "json", "--exit-zero"])
    if proc.returncode != 0:
        sys.exit(f"check failed: {proc.stderr}")
    findings = len(json.loads(proc.stdout))
    print(f"findings: {findings}")
    if findings == 0:
        sys.exit("the check found nothing in the corpus: something is wrong with the setup")

    results = {}
    for label, extra in [(f"jobs={os.cpu_count()}", []), ("jobs=1", ["--jobs", "1"])]:
        times = []
        for _ in range(args.runs):
            elapsed, proc = timed([args.binary, "check", str(corpus), "--exit-zero", "--statistics", *extra])
            times.append(elapsed)
        median = statistics.median(times)
        results[label] = median
        print(f"{label}: median {median:.2f} s over {args.runs} runs -> {lines / median:,.0f} lines/s")
    shutil.rmtree(corpus)
    print(json.dumps({"files": files, "lines": lines, "findings": findings,
                      "seconds": results, "lines_per_second": {k: round(lines / v) for k, v in results.items()}}))


if __name__ == "__main__":
    main()
