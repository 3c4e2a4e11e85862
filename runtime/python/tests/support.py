"""Helpers shared by the test modules: paths, report records, and Python child processes
(the CLI, environment activation, legacy scripts) pointed at the test Spark Connect server.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import sparkmigrate_runtime
from spark_server import spark_environment

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = PACKAGE_ROOT / "src"
TESTS_DIR = PACKAGE_ROOT / "tests"
LEGACY_DIR = TESTS_DIR / "legacy"
REPO_ROOT = PACKAGE_ROOT.parents[1]


def records(api: str | None = None) -> list[dict]:
    """Report records so far, optionally only those of one API."""
    found = sparkmigrate_runtime.report()["records"]
    return [r for r in found if api is None or r["api"] == api]


def line_of(path: Path, snippet: str) -> int:
    """1-based number of the first code line of ``path`` (after its docstring) with ``snippet``."""
    source = Path(path).read_text()
    body = ast.parse(source).body
    has_docstring = body and isinstance(body[0], ast.Expr) and isinstance(
        getattr(body[0], "value", None), ast.Constant) and isinstance(body[0].value.value, str)
    first = body[0].end_lineno + 1 if has_docstring else 1
    for number, line in enumerate(source.splitlines()[first - 1:], first):
        if snippet in line:
            return number
    raise AssertionError(f"{snippet!r} not found in {path}")


def client_environment(server_url: str | None, **extra: str) -> dict[str, str]:
    """Environment of a Python child: this package importable, Connect at ``server_url``."""
    env = spark_environment()
    env["PYTHONPATH"] = os.pathsep.join([str(SOURCE_DIR), str(TESTS_DIR)])
    if server_url is not None:
        env["SPARK_REMOTE"] = server_url
    env.update(extra)
    return env


def run_python(args: list[str], env: dict[str, str], cwd: Path | None = None,
               timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run this interpreter with ``args``; output captured as text."""
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True,
        timeout=timeout,
    )
