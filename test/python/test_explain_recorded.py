"""`sparkmigrate explain` on recorded tracebacks: the wording that pyspark 4.1 cannot produce
(3.4, 3.5 and 4.0 clients, the remote-only pyspark-client, Databricks runtimes and the
server-side UNSUPPORTED_CONNECT_FEATURE classes) and the ways a traceback reaches a user (an
Airflow task log, a Databricks driver log, pytest, the REPL, Jupyter with colours, Databricks
notebook cells). Each traceback in data/tracebacks names files of another machine; the fixture
project it refers to is given with --root, and data/tracebacks/manifest.json holds the expected
condition and cause. Then bad input: explain never crashes and answers with exit status 1 or 2
and a one-line message.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import time
from pathlib import Path

import pytest

from conftest import binary

DATA = Path(__file__).resolve().parent / "data" / "tracebacks"
MANIFEST = json.loads((DATA / "manifest.json").read_text())["cases"]
CASES = {case["traceback"].removesuffix(".txt"): case for case in MANIFEST}


def explain(*args, stdin: str | bytes | None = None, cwd: Path, timeout: float = 120):
    env = dict(os.environ)
    env.pop("SPARKMIGRATE_DOCS_URL", None)
    started = time.monotonic()
    proc = subprocess.run([binary(), "explain", *map(str, args)], input=stdin, capture_output=True, cwd=cwd,
                          env=env, timeout=timeout, stdin=None if stdin is not None else subprocess.DEVNULL)
    proc.elapsed = time.monotonic() - started
    return proc


def text(proc) -> tuple[str, str]:
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def test_manifest_covers_every_recorded_traceback():
    assert {case["traceback"] for case in MANIFEST} == {p.name for p in DATA.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_recorded_traceback(name, tmp_path):
    case = CASES[name]
    root = DATA / "projects" / case["root"]
    traceback = DATA / case["traceback"]
    proc = explain("--isolated", "--root", root, "--output-format", "json", traceback, cwd=tmp_path)
    out_text, err_text = text(proc)
    out = json.loads(out_text)
    if case["condition"] is None:
        # Not a Spark Connect incompatibility: said so, nothing invented.
        assert proc.returncode == 1, out_text
        assert out["error_condition"] is None and out["recognised"] is False and out["why"] is None
        assert out["findings"] == [] and out["fix"] is None
        plain = explain("--isolated", "--root", root, stdin=traceback.read_bytes(), cwd=tmp_path)
        assert plain.returncode == 1
        assert text(plain)[0].count("does not recognise this as a Spark Connect incompatibility") == 1
        return
    cause = case["cause"]
    source = (root / cause["file"]).read_text().splitlines()
    assert cause["text"] in source[cause["line"] - 1], "the manifest's line does not hold its text"
    assert proc.returncode == 0, out_text[-3000:] + err_text
    assert out["recognised"] is True and out["why"]
    assert out["error_condition"] == case["condition"]
    assert out["subject"] == case["subject"]
    expected_file = str((root / cause["file"]).resolve())
    first = out["findings"][0]
    assert (first["filename"], first["location"]["row"]) == (expected_file, cause["line"]), first
    assert first["code"] in cause["rules"], first
    if case["fix"] == "diff":
        assert out["fix"]["source"] == "rule" and out["fix"]["diff"], out["fix"]
        removed = [line[1:] for line in out["fix"]["diff"].splitlines() if line.startswith("-") and not line.startswith("---")]
        assert source[cause["line"] - 1] in removed, out["fix"]["diff"]
    else:
        assert out["fix"]["diff"] is None and out["fix"]["guidance"].strip(), out["fix"]
    # Frames from the other machine are found under --root (a notebook cell has no file: then
    # the project is searched, and no frame is in it).
    in_project = [f["filename"] for f in out["frames"] if f["in_project"]]
    if case.get("frames_in_project") is False:
        assert in_project == []
    else:
        assert expected_file in in_project, out["frames"]
    # The same from standard input, as text: the cause as path:line:col with its rule.
    plain = explain("--isolated", "--root", root, stdin=traceback.read_bytes(), cwd=tmp_path)
    plain_out = text(plain)[0]
    assert plain.returncode == 0
    assert f"cause: {expected_file}:{cause['line']}:" in plain_out, plain_out
    assert f": {first['code']} " in plain_out.split("cause: ", 1)[1].splitlines()[0]
    assert (root / cause["file"]).read_text().splitlines() == source, "explain without --apply wrote the file"


def one_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("sparkmigrate explain: ")
    return lines[0]


def test_empty_input(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    for args, stdin in ((["empty.txt"], None), (["-"], b""), ([], b"  \n\t\n")):
        proc = explain(*args, stdin=stdin, cwd=tmp_path)
        assert proc.returncode == 2 and proc.stdout == b""
        assert "empty" in one_line(proc.stderr)


def test_binary_input(tmp_path):
    blob = bytes(random.Random(7).randrange(256) for _ in range(50_000)) + b"\0"
    (tmp_path / "core.bin").write_bytes(blob)
    for args, stdin in ((["core.bin"], None), (["-"], blob)):
        proc = explain(*args, stdin=stdin, cwd=tmp_path)
        assert proc.returncode == 2 and proc.stdout == b""
        assert "binary" in one_line(proc.stderr)


def test_missing_input_and_root(tmp_path):
    proc = explain("no-such-traceback.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == b""
    assert "no-such-traceback.txt" in one_line(proc.stderr)
    proc = explain("--root", tmp_path / "nowhere", stdin=b"[NOT_IMPLEMENTED] rdd is not implemented.", cwd=tmp_path)
    assert proc.returncode == 2 and "--root" in one_line(proc.stderr)


def noise(size: int) -> bytes:
    """Log-like lines without a Spark Connect error: words that look like traceback parts."""
    rng = random.Random(11)
    words = ["File", "line", "Traceback", "ERROR", "[main]", "at", "org.apache.spark", "2024-05-01", "12:00:00",
             "in", "<module>", "Error:", "[", "]", "`", "\"x.py\",", "NOT_IMPLEMENTED", "rdd", "is", "not"]
    out, n = [], 0
    while n < size:
        line = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 16))) + "\n"
        out.append(line)
        n += len(line)
    return "".join(out).encode()


def test_twenty_megabytes_of_noise(tmp_path):
    (tmp_path / "noise.log").write_bytes(noise(20 << 20))
    proc = explain("--output-format", "json", "noise.log", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == b"", proc.stderr[-2000:]
    assert proc.elapsed < 30
    out = json.loads(proc.stdout)
    assert out["error_condition"] is None and out["recognised"] is False and out["findings"] == []
    plain = explain("noise.log", cwd=tmp_path)
    assert plain.returncode == 1
    assert text(plain)[0].count("does not recognise this as a Spark Connect incompatibility") == 1


def test_the_end_of_a_long_log_is_read(tmp_path):
    """Over 16 MiB, the end (where the error is) is kept, not the beginning."""
    case = CASES["spark35_foreach"]
    log = noise(20 << 20) + (DATA / case["traceback"]).read_bytes()
    (tmp_path / "driver.log").write_bytes(log)
    proc = explain("--isolated", "--root", DATA / "projects" / case["root"], "--output-format", "json",
                   "driver.log", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-2000:]
    out = json.loads(proc.stdout)
    assert out["error_condition"] == case["condition"]
    assert out["findings"][0]["location"]["row"] == case["cause"]["line"]


def test_pathological_lines_finish(tmp_path):
    """One 16 MB line of brackets, and a chained traceback repeated to 16 MB."""
    (tmp_path / "brackets.txt").write_bytes(b"[" * (16 << 20) + b"]")
    proc = explain("brackets.txt", cwd=tmp_path)
    assert proc.returncode == 1 and proc.elapsed < 30
    case = CASES["spark35_foreach"]
    block = (DATA / case["traceback"]).read_bytes() + \
        b"\nDuring handling of the above exception, another exception occurred:\n\n"
    (tmp_path / "repeated.log").write_bytes(block * ((16 << 20) // len(block)))
    proc = explain("--isolated", "--root", DATA / "projects" / case["root"], "--output-format", "json",
                   "repeated.log", cwd=tmp_path)
    assert proc.returncode == 0 and proc.elapsed < 60, proc.elapsed
    assert json.loads(proc.stdout)["findings"][0]["location"]["row"] == case["cause"]["line"]


def test_a_traceback_whose_files_are_not_there(tmp_path):
    case = CASES["spark35_foreach"]
    proc = explain("--output-format", "json", DATA / case["traceback"], cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == b""
    out = json.loads(proc.stdout)
    assert out["error_condition"] == case["condition"] and out["recognised"] is True
    assert out["findings"] == [] and out["fix"] is None
    assert not any(f["in_project"] for f in out["frames"])
    plain = explain(DATA / case["traceback"], cwd=tmp_path)
    assert plain.returncode == 1
    assert "--root" in text(plain)[0]
    # The wrong project: its files are not the traceback's, so none of them is blamed.
    wrong = explain("--output-format", "json", "--root", DATA / "projects" / "lakehouse", DATA / case["traceback"],
                    cwd=tmp_path)
    assert wrong.returncode == 1
    assert json.loads(wrong.stdout)["findings"] == []


def test_invalid_utf8_around_the_traceback(tmp_path):
    """A Latin-1 log around a traceback: still explained; JSON stays valid."""
    case = CASES["spark35_foreach"]
    log = b"caf\xe9 cr\xe8me: nightly run\n" + (DATA / case["traceback"]).read_bytes() + b"fin \xff\n"
    (tmp_path / "latin1.log").write_bytes(log)
    proc = explain("--isolated", "--root", DATA / "projects" / case["root"], "--output-format", "json",
                   "latin1.log", cwd=tmp_path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["findings"][0]["location"]["row"] == case["cause"]["line"]
    garbage = bytes(random.Random(3).randrange(1, 256) for _ in range(100_000))  # no NUL
    proc = explain("--output-format", "json", "-", stdin=garbage, cwd=tmp_path)
    assert proc.returncode == 1 and json.loads(proc.stdout)["recognised"] is False
