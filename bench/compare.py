"""Benchmark: sparkmigrate against ruff and against tree-sitter's own parse, in one run.

    .venv/bin/python bench/compare.py --binary build/sparkmigrate   (or `make bench`)

Everything is measured here, on the same files, in the same run, so the
ratios hold whatever the machine's load: instruction counts from valgrind's
callgrind (they do not depend on load; this machine has no hardware counters
for `perf stat`) beside wall and CPU times (median of several runs; CPU is
user+system time of the process, its children included). The tools:
`sparkmigrate check`, `ruff check --no-cache` with its default rules (pinned
in bench/requirements.txt), and parse_only_bench, which parses the same files
with the same tree-sitter library and nothing else.

Corpora, in a temporary folder: the generated PySpark corpus of
bench/gen_corpus.py (15,000 lines for instruction counts, 200,000 for wall
time), and a monorepo where most Python never touches Spark: that corpus
beside a copy of the standard library's own sources (measured whole, and the
standard library alone). Also: one small job
file (start-up), `fix` against `fix --diff` on a 20,000-line file, and the
language server's keystroke latency (bench/lsp_latency.py) beside
tree-sitter's incremental reparse of the same edit.

Prints a Markdown table (the README's performance table is this output) and
the raw figures as JSON on the last line. No figure is asserted: this is a
benchmark, not a test.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import gen_corpus  # noqa: E402
import lsp_latency  # noqa: E402

SEED = 20261121


def cpu(cmd):
    """(wall s, CPU s, max RSS MiB) of one run, from the kernel's accounting of that child."""
    start = time.perf_counter()
    pid = os.spawnvp(os.P_NOWAIT, cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({code})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def quiet(cmd):
    """cmd with its output sent to /dev/null (for cpu(), which does not capture)."""
    return ["sh", "-c", 'exec "$@" >/dev/null 2>&1', "sh", *cmd]


def median_cpu(cmd, runs):
    samples = [cpu(quiet(cmd)) for _ in range(runs)]
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples),
            max(s[2] for s in samples))


def instructions(cmd):
    """Instructions executed by cmd (all threads), counted by callgrind."""
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                          capture_output=True, text=True)
    for line in proc.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip().replace(",", ""))
    sys.exit(f"callgrind gave no count for {cmd}: {proc.stderr[-2000:]}")


def count_lines(folder: Path):
    files = list(folder.rglob("*.py"))
    return len(files), sum(p.read_bytes().count(b"\n") for p in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(HERE.parent / "build" / "sparkmigrate"))
    parser.add_argument("--parse-only", default=None, help="parse_only_bench (default: beside the binary)")
    parser.add_argument("--ruff", default=shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--keystrokes", type=int, default=60)
    args = parser.parse_args()
    binary = str(Path(args.binary).resolve())
    parse_only = args.parse_only or str(Path(binary).parent / "parse_only_bench")
    ruff = args.ruff
    for tool in (binary, parse_only, ruff):
        if not shutil.which(tool):
            sys.exit(f"missing {tool} (make build; pip install -r bench/requirements.txt)")
    ruff_version = subprocess.run([ruff, "--version"], capture_output=True, text=True).stdout.strip()

    tmp = Path(tempfile.mkdtemp(prefix="sparkmigrate-bench-"))
    rows, raw = [], {"ruff": ruff_version}
    try:
        small_corpus, full_corpus = tmp / "spark15k", tmp / "spark"
        gen_corpus.generate(small_corpus, 15_000, SEED)
        gen_corpus.generate(full_corpus, args.lines, SEED)
        small_files, small_lines = count_lines(small_corpus)
        full_files, full_lines = count_lines(full_corpus)
        print(f"corpora: {small_files} files/{small_lines:,} lines and {full_files} files/{full_lines:,} lines "
              f"of generated PySpark; {ruff_version}", flush=True)

        check = [binary, "check", "--exit-zero"]
        ruff_check = [ruff, "check", "--no-cache", "--exit-zero", "--quiet"]

        # --- start-up: one small job file
        one = min(small_corpus.rglob("*.py"), key=lambda p: abs(p.read_bytes().count(b"\n") - 200))
        one_lines = one.read_bytes().count(b"\n")
        ours = median_cpu([*check, str(one)], 20)
        theirs = median_cpu([*ruff_check, str(one)], 20)
        ours_i, theirs_i = instructions([*check, str(one)]), instructions([*ruff_check, str(one)])
        raw["startup"] = {"lines": one_lines, "sparkmigrate_ms": ours[0] * 1000, "ruff_ms": theirs[0] * 1000,
                          "sparkmigrate_instructions": ours_i, "ruff_instructions": theirs_i}
        rows.append((f"`check` of one {one_lines}-line file, wall", f"{ours[0] * 1000:.1f} ms",
                     f"ruff {theirs[0] * 1000:.1f} ms", f"{ours[0] / theirs[0]:.2f}x ruff",
                     "≤ 1.5x ruff and < 30 ms"))
        rows.append(("  same, instructions", f"{ours_i / 1e6:.0f} M", f"ruff {theirs_i / 1e6:.0f} M",
                     f"{ours_i / theirs_i:.2f}x ruff", ""))
        print("start-up measured", flush=True)

        # --- throughput, instructions, one thread
        parse_i = instructions([parse_only, str(small_corpus)])
        check_i = instructions([*check, "--jobs", "1", str(small_corpus)])
        ruff_i = instructions([*ruff_check, str(small_corpus)])
        raw["instructions_15k"] = {"parse": parse_i, "check": check_i, "ruff": ruff_i}
        rows.append((f"`check --jobs 1`, {small_lines:,} lines, instructions", f"{check_i / 1e9:.2f} G",
                     f"parse {parse_i / 1e9:.2f} G", f"{check_i / parse_i:.2f}x parse", "≤ 1.5x parse"))
        rows.append(("  analysis alone (check − parse) per parse", f"{(check_i - parse_i) / 1e9:.2f} G", "",
                     f"{(check_i - parse_i) / parse_i:.2f}x parse", "≤ 0.5x parse"))
        rows.append(("  ruff, same files", f"{ruff_i / 1e9:.2f} G", "", f"check {check_i / ruff_i:.1f}x ruff", ""))
        print("instruction counts measured", flush=True)

        # --- throughput, wall and CPU on the full corpus
        results = {}
        for label, cmd in [("check", [*check, str(full_corpus)]),
                           ("check --jobs 1", [*check, "--jobs", "1", str(full_corpus)]),
                           ("ruff", [*ruff_check, str(full_corpus)]),
                           ("parse only", [parse_only, str(full_corpus)])]:
            cpu(quiet(cmd))  # warm the page cache
            results[label] = median_cpu(cmd, args.runs)
        raw["spark_corpus"] = {k: {"wall": v[0], "cpu": v[1], "rss_mib": v[2]} for k, v in results.items()}
        for label, (wall, cpu_s, _) in results.items():
            rows.append((f"{label}, {full_lines:,} lines of PySpark", f"{wall:.2f} s wall",
                         f"{cpu_s:.2f} s CPU", f"{full_lines / wall:,.0f} lines/s",
                         f"CPU {cpu_s / results['ruff'][1]:.1f}x ruff" if label != "ruff" else ""))
        print("Spark corpus measured", flush=True)

        # --- monorepo: the Spark corpus beside the standard library
        mono = tmp / "monorepo"
        shutil.copytree(full_corpus, mono / "spark_jobs")
        stdlib = Path(sysconfig.get_paths()["stdlib"])
        shutil.copytree(stdlib, mono / "stdlib", ignore=shutil.ignore_patterns("site-packages", "__pycache__"),
                        ignore_dangling_symlinks=True, symlinks=True)
        mono_files, mono_lines = count_lines(mono)
        stdlib_files, stdlib_lines = count_lines(mono / "stdlib")
        mono_results = {}
        for label, cmd in [("check", [*check, str(mono)]), ("ruff", [*ruff_check, str(mono)]),
                           ("check stdlib", [*check, str(mono / "stdlib")]),
                           ("ruff stdlib", [*ruff_check, str(mono / "stdlib")])]:
            cpu(quiet(cmd))
            mono_results[label] = median_cpu(cmd, args.runs)
        raw["monorepo"] = {"files": mono_files, "lines": mono_lines, "stdlib_files": stdlib_files,
                           "stdlib_lines": stdlib_lines,
                           **{k: {"wall": v[0], "cpu": v[1]} for k, v in mono_results.items()}}
        for label, lines, what in [
                ("", mono_lines,
                 f"monorepo ({mono_files:,} files, {mono_lines:,} lines; {full_lines:,} of them Spark)"),
                (" stdlib", stdlib_lines,
                 f"  its standard library alone ({stdlib_files:,} files, {stdlib_lines:,} lines, no Spark)")]:
            ours, theirs = mono_results["check" + label], mono_results["ruff" + label]
            rows.append((what, f"check {ours[0]:.2f} s wall, {ours[1]:.2f} s CPU",
                         f"ruff {theirs[0]:.2f} s wall, {theirs[1]:.2f} s CPU",
                         f"{lines / ours[0]:,.0f} lines/s; CPU {ours[1] / theirs[1]:.2f}x ruff",
                         "beat ruff" if not label else ""))
        print("monorepo measured", flush=True)

        # --- fix against fix --diff on one file of 20,000 lines or more
        big = tmp / "big.py"
        parts, count = [], 0
        for p in sorted(full_corpus.rglob("*.py")):
            if count >= 20_000:
                break
            parts.append(p.read_text())
            count += parts[-1].count("\n")
        big.write_text("".join(parts))
        big_lines = big.read_text().count("\n")
        original = big.read_bytes()

        def fixed(*flags):  # each run starts from the original file
            samples = []
            for _ in range(3):
                big.write_bytes(original)
                samples.append(cpu(quiet([binary, "fix", *flags, "--exit-zero", str(big)])))
            return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples),
                    max(s[2] for s in samples))

        fix, fix_diff = fixed(), fixed("--diff")
        raw["fix_diff"] = {"lines": big_lines, "fix": fix, "fix_diff": fix_diff}
        rows.append((f"`fix --diff` of one {big_lines:,}-line file", f"{fix_diff[0]:.2f} s, {fix_diff[2]:.0f} MiB",
                     f"fix {fix[0]:.2f} s, {fix[2]:.0f} MiB",
                     f"{fix_diff[0] / fix[0]:.2f}x time, {fix_diff[2] / fix[2]:.2f}x memory", "≤ 1.5x fix"))
        print("fix --diff measured", flush=True)

        # --- language server: keystroke to diagnostics (pull) against tree-sitter's reparse
        os.environ["SPARKMIGRATE_BIN"] = binary
        lsp_root = tmp / "lsp"
        lsp_root.mkdir()
        for style in lsp_latency.STYLES:
            for lines in (1_000, 10_000):
                pull, server_cpu, read = lsp_latency.latency(lsp_root, lines, args.keystrokes, None, pull=True,
                                                             style=style)
                line, column = lsp_latency.typing_point(lines, style)  # where the server was typed into
                reparse = float(subprocess.run(
                    [parse_only, "--reparse", str(lsp_root / f"file_{lines}_{style}.py"), str(line), str(column),
                     str(args.keystrokes)],
                    capture_output=True, text=True, check=True).stdout)
                raw[f"lsp_{lines}_{style}"] = {"pull_ms": pull, "server_cpu_ms": server_cpu, "read_ms": read,
                                               "reparse_ms": reparse}
                rows.append((f"keystroke → diagnostics (pull), {lines:,}-line file, {style}",
                             f"{pull:.1f} ms (reply read {read:.1f} ms; server CPU {server_cpu:.1f} ms)",
                             f"reparse {reparse:.2f} ms",
                             f"+{pull - reparse:.1f} ms over the reparse", "≤ reparse + 2 ms"))
        memory = lsp_latency.memory(lsp_root)
        raw["lsp_memory_mib"] = memory
        rows.append(("language server, 50 open 1,000-line files", f"{memory:.0f} MiB RSS", "", "", "< 64 MiB"))
        print("language server measured", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print("| measure | sparkmigrate | against | ratio | target |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(json.dumps(raw))


if __name__ == "__main__":
    main()
