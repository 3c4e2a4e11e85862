"""The command line's part of the fault matrix: bad files and bad moments that must each end
with a clear line and lose nothing, kept as permanent regression tests. Huge files (memory
checked as the peak RSS of a child process), links to devices, FIFOs, link loops, unreadable
files and folders, text that is not UTF-8, broken or unreadable configuration, runtime
reports and explain inputs that are not regular files, SIGKILL at random moments of a fix,
a fix whose stdout is closed, and the language server's log file (mode 0600, never through
a link)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import binary

LEGACY = """\
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
df = spark.table("t")
if df.rdd.isEmpty():  # empty?
    rows = df.count()
"""
FIXED = LEGACY.replace("df.rdd.isEmpty()", "df.isEmpty()")


def peak_rss_mib(args, cwd=None):
    """Runs the binary with `args` from a fresh Python process and returns (exit status, stderr,
    the binary's peak RSS in MiB): RUSAGE_CHILDREN of that process covers the binary alone."""
    probe = (
        "import json, resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(json.dumps([p.returncode, p.stderr,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, binary(), *map(str, args)], cwd=cwd,
                         capture_output=True, text=True, timeout=600, check=True).stdout
    return tuple(json.loads(out))


def write_code(path: Path, size: int) -> None:
    """`size` bytes of realistic PySpark code, a legacy call every 50 functions."""
    clean = ("def f{i}(df):\n"
             "    out = df.select(\"a\", \"b\").where(F.col(\"a\") > {i})\n"
             "    return out.groupBy(\"b\").agg(F.sum(\"a\").alias(\"s\"))\n\n")
    legacy = "def g{i}():\n    return spark.sparkContext.parallelize([{i}]).count()\n\n"
    parts, written, i = [], 0, 0
    while written < size:
        part = legacy.format(i=i) if i % 50 == 0 else clean.format(i=i)
        parts.append(part)
        written += len(part)
        i += 1
    path.write_text("".join(parts))


def test_a_file_over_the_size_limit_is_never_read(project):
    # 50 MB of code took 4 GB to check; over the default 16 MiB limit it is an error
    # for that file, read no further than its size, and the other files are still checked.
    big = project.root / "big.py"
    write_code(big, 50 * 1024 * 1024)
    small = project.write("small.py", LEGACY)
    for command in ("check", "fix"):
        code, err, rss = peak_rss_mib([command, "--isolated", big, small])
        assert code == 1
        assert err.startswith(f"error: {big}: 50.0 MiB, over the maximum file size of 16 MiB "
                              "(max-file-size in pyproject.toml, --max-file-size), not checked\n")
        assert rss < 50, f"peak RSS {rss} MiB: the file was read"
    assert small.read_text() == FIXED
    # A log is read from its end: explain keeps the last 16 MiB of a 50 MB file.
    logs = project.root / "logs"
    logs.mkdir()
    log = logs / "driver.log"
    with log.open("w") as out:
        for i in range(800_000):
            out.write(f"2026-11-21 13:20:00 INFO Executor: finished task {i} in stage 1.0\n")
        out.write("pyspark.errors.exceptions.base.PySparkAttributeError: [JVM_ATTRIBUTE_NOT_SUPPORTED] "
                  "Attribute `rdd` is not supported in Spark Connect as it depends on the JVM.\n")
    assert log.stat().st_size > 45 * 1024 * 1024
    code, err, rss = peak_rss_mib(["explain", "--isolated", "--root", logs, log])
    assert code in (0, 1) and "Traceback" not in err
    assert rss < 150, f"peak RSS {rss} MiB for a 16 MiB tail"


def test_devices_fifos_and_link_loops_never_hang(run, project):
    os.mkfifo(project.root / "pipe.py")
    os.symlink("/dev/zero", project.root / "zero.py")
    os.symlink("b.py", project.root / "a.py")
    os.symlink("a.py", project.root / "b.py")
    os.symlink(".", project.root / "loop")
    project.write("ok.py", LEGACY)
    walked = run("check", project.root)
    assert walked.code == 1 and walked.err == ""
    assert "\nFound 1 problem in 1 of 1 file.\n" in walked.out
    named = run("check", *(project.root / n for n in ("pipe.py", "zero.py", "a.py", "ok.py")))
    assert named.code == 1
    assert sorted(named.err.splitlines()) == [
        f"error: {project.root}/a.py: cannot read: Too many levels of symbolic links",
        f"error: {project.root}/pipe.py: not a regular file (a FIFO), not checked",
        f"error: {project.root}/zero.py: not a regular file (a character device), not checked",
    ]
    # The other readers: a runtime report, explain's input (a file, or endless stdin).
    report = run("check", "--runtime-report", project.root / "zero.py", project.root / "ok.py")
    assert report.code == 2
    assert report.err == (f"sparkmigrate check: {project.root}/zero.py: cannot read runtime report: "
                          "not a regular file (a character device)\n")
    for name in ("pipe.py", "zero.py"):
        explained = run("explain", project.root / name)
        assert explained.code == 2
        assert "not a regular file" in explained.err
    with open("/dev/zero", "rb") as zeros:
        endless = subprocess.run([binary(), "explain"], stdin=zeros, capture_output=True, text=True,
                                 timeout=120)
    assert endless.returncode == 2
    assert endless.stderr == ("sparkmigrate explain: standard input: binary data (NUL bytes), not an error "
                              "message or traceback\n")


def test_text_that_is_not_utf8_is_an_error_not_a_pass(run, project):
    cases = {
        "latin1.py": b"x = 1  # caf\xe9\n",
        "surrogate.py": b"x = '\xed\xa0\x80'\n",  # a UTF-16 surrogate, encoded
        "overlong.py": b"x = '\xc0\xaf'\n",
        "truncated.py": b"x = 1\n# \xe2\x82",
    }
    for name, data in cases.items():
        project.write(name, data, mode="wb")
    result = run("check", project.root, "--output-format", "json")
    assert result.code == 1
    assert sorted((os.path.basename(d["filename"]), d["code"], d["severity"]) for d in result.json()) == sorted(
        (name, None, "error") for name in cases)
    text = run("check", project.root)
    assert text.out == "4 errors; no problems found in the 0 files checked.\n"
    assert len(text.err.splitlines()) == 4


def test_broken_and_strange_configuration(run, project):
    project.write("a/pyproject.toml", b"\x00\xff[tool.sparkmigrate\n", mode="wb")
    project.write("a/job.py", LEGACY)
    os.makedirs(project.root / "b")
    os.mkfifo(project.root / "b" / "pyproject.toml")  # not a file: not a configuration either
    project.write("b/job.py", LEGACY)
    os.makedirs(project.root / "c")
    os.symlink("/dev/zero", project.root / "c" / "pyproject.toml")
    project.write("c/job.py", LEGACY)
    result = run("check", project.root, "--output-format", "json")
    assert result.code == 2
    [line] = result.err.splitlines()
    assert line.startswith(f"error: {project.root}/a/pyproject.toml:1: invalid TOML")
    found = sorted(os.path.relpath(d["filename"], project.root) for d in result.json() if d["code"])
    assert found == ["a/job.py", "b/job.py", "c/job.py"]


@pytest.mark.skipif(os.geteuid() != 0, reason="runs the binary as another user")
def test_unreadable_files_are_reported_and_the_rest_is_checked():
    # As root everything is readable: run the binary as nobody over files nobody cannot read.
    root = Path(tempfile.mkdtemp(prefix="sparkmigrate-unreadable-"))
    # A copy of the binary that nobody may run, wherever the checkout is (mktemp -d makes 0700).
    tool = Path(tempfile.mkdtemp(prefix="sparkmigrate-bin-"))
    try:
        os.chmod(tool, 0o755)
        shutil.copy(binary(), tool / "sparkmigrate")
        os.chmod(root, 0o755)
        (root / "ok.py").write_text(LEGACY)
        (root / "secret.py").write_text(LEGACY)
        os.chmod(root / "secret.py", 0o000)
        proc = subprocess.run([str(tool / "sparkmigrate"), "fix", "--isolated", str(root)], user=65534, group=65534,
                              extra_groups=[], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1
        assert sorted(proc.stderr.splitlines()) == [
            f"error: {root}/ok.py: cannot open for writing: Permission denied; not written",
            f"error: {root}/secret.py: cannot read file: Permission denied, not checked",
        ]
        assert (root / "ok.py").read_text() == LEGACY  # readable, not writable by nobody
        assert sorted(p.name for p in root.iterdir()) == ["ok.py", "secret.py"]
    finally:
        for p in root.iterdir():
            os.chmod(p, 0o644)
        subprocess.run(["rm", "-rf", str(root), str(tool)], check=True)


def test_sigkill_at_any_moment_of_a_fix_never_leaves_a_half_written_file(tmp_path):
    # Kill a fix of 40 files at random moments; afterwards each file holds the original or
    # the fixed text, or (killed during its write) a backup next to it holds the original.
    # A last run completes the fix.
    rng = random.Random(20261121)
    files = 40
    body = LEGACY + "".join(f"def f{i}(df):\n    return df.select('a{i}')\n\n" for i in range(200))
    fixed_body = FIXED + body[len(LEGACY):]
    folder = tmp_path / "proj"
    folder.mkdir()
    for i in range(files):
        (folder / f"m{i:02}.py").write_text(body)
    started = time.monotonic()
    subprocess.run([binary(), "fix", "--isolated", "--diff", str(folder)], capture_output=True, timeout=300)
    span = time.monotonic() - started  # how long a run takes here: kill points are drawn within it

    for _ in range(12):
        proc = subprocess.Popen([binary(), "fix", "--isolated", "--jobs", "2", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, span * 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        names = {p.name for p in folder.iterdir()}
        for name in sorted(names):
            path = folder / name
            if name.startswith("."):
                assert ".sparkmigrate-" in name and path.read_text() == body, name
                continue
            text = path.read_text()
            backups = [n for n in names if n.startswith(f".{name}.sparkmigrate-")]
            assert text in (body, fixed_body) or backups, f"{name} is half-written and has no backup"
        for name in names:  # as a user would: put back what a backup holds
            if name.startswith("."):
                original = name[1:name.index(".sparkmigrate-")]
                os.replace(folder / name, folder / original)
        assert len(list(folder.iterdir())) == files
        for path in folder.iterdir():  # the next round starts from scratch
            path.write_text(body)
    done = subprocess.run([binary(), "fix", "--isolated", str(folder)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert all(p.read_text() == fixed_body for p in folder.iterdir())
    assert len(list(folder.iterdir())) == files


def test_a_fix_whose_stdout_is_closed_still_writes_every_file_completely(project):
    for i in range(20):
        project.write(f"m{i}.py", LEGACY)
    proc = subprocess.Popen([binary(), "fix", "--isolated", str(project.root)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()
    proc.communicate(timeout=120)
    assert proc.returncode in (0, 1, -signal.SIGPIPE)
    assert sorted(p.read_text() for p in project.root.iterdir()) == [FIXED] * 20


def test_the_language_server_log_file_is_private_and_never_a_link(tmp_path):
    log = tmp_path / "lsp.log"
    subprocess.run([binary(), "lsp", "--log-file", str(log), "--log-level", "info"], stdin=subprocess.DEVNULL,
                   capture_output=True, timeout=60)
    assert log.exists()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600

    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "link.log"
    link.symlink_to(victim)
    proc = subprocess.run([binary(), "lsp", "--log-file", str(link), "--log-level", "info"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert victim.read_text() == "precious\n"
    assert str(link) in proc.stderr  # said on stderr, where logs go instead
    dangling = tmp_path / "dangling.log"
    dangling.symlink_to(tmp_path / "created-through-link.log")
    subprocess.run([binary(), "lsp", "--log-file", str(dangling)], stdin=subprocess.DEVNULL,
                   capture_output=True, timeout=60)
    assert not (tmp_path / "created-through-link.log").exists()
