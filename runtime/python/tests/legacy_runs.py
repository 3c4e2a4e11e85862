"""Whole-suite runs of the legacy scripts (tests/legacy/*.py) in one child process each,
through legacy_harness.py: the classic local Spark reference (one JVM for every script) and
the Connect run without the shim. A run starts in the background and is collected when its
results are needed, so the classic JVM works while other tests use the Connect server.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from spark_server import LOCAL_MASTER, LOCAL_SPARK_CONF
from support import LEGACY_DIR, TESTS_DIR, client_environment

SCRIPT_NAMES = sorted(path.stem for path in LEGACY_DIR.glob("*.py"))


def write_inputs(directory: Path) -> Path:
    """The input files the legacy scripts read."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "words.txt").write_text(
        "The quick brown fox jumps over the lazy dog.\nThe dog sleeps; the fox runs!\n\n"
        "A fox, a dog, and THE end.\n")
    (directory / "other.txt").write_text("second file line one\nline two\n")
    return directory


def script_args(name: str, inputs: Path, outputs: Path) -> list[str]:
    if name == "wordcount":
        return [str(inputs / "words.txt")]
    if name == "files_and_jobs":
        return [str(inputs), str(outputs / f"{name}-output")]
    return []


def classic_environment() -> dict[str, str]:
    """Classic local Spark configured like the test Connect server (see spark_server.py)."""
    submit = ["--master", LOCAL_MASTER]
    for key, value in LOCAL_SPARK_CONF.items():
        submit += ["--conf", f"{key}={value}"]
    return client_environment(None, PYSPARK_SUBMIT_ARGS=" ".join(submit + ["pyspark-shell"]))


class LegacyRun:
    """Every legacy script, one after another, in one background Python process."""

    def __init__(self, env: dict[str, str], work: Path) -> None:
        self.work = work
        inputs = write_inputs(work / "inputs")
        plan = [{"name": name, "script": str(LEGACY_DIR / f"{name}.py"),
                 "args": script_args(name, inputs, work)} for name in SCRIPT_NAMES]
        (work / "plan.json").write_text(json.dumps(plan))
        self._log = open(work / "harness.log", "wb")
        self._process = subprocess.Popen(
            [sys.executable, str(TESTS_DIR / "legacy_harness.py"), str(work / "plan.json"),
             str(work / "results.json")],
            env=env, cwd=work, stdin=subprocess.DEVNULL, stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def results(self, timeout: float = 1200) -> dict:
        """{script name: {"stdout", "error"}}; waits for the run to finish."""
        code = self._process.wait(timeout=timeout)
        self._log.close()
        if code != 0:
            tail = (self.work / "harness.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"legacy harness exited with {code}:\n{tail}")
        return json.loads((self.work / "results.json").read_text())

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._log.close()
