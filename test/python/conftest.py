"""Shared fixtures for the Python test suites that drive the real binary."""
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def binary() -> str:
    path = os.path.abspath(os.environ.get("SPARKMIGRATE_BIN", str(ROOT / "build" / "sparkmigrate")))
    if not os.access(path, os.X_OK):
        raise RuntimeError(f"sparkmigrate binary not found at {path}: run `make build`")
    return path


class Result:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run():
    """Runs `sparkmigrate ARGS...` (standard input: `input`, else nothing) and
    returns exit code, stdout and stderr."""

    def _run(*args, cwd=None, env=None, timeout=120, input=None):
        full_env = dict(os.environ)
        full_env.pop("SPARKMIGRATE_DOCS_URL", None)
        if env:
            full_env.update(env)
        stdin = {} if input is not None else {"stdin": subprocess.DEVNULL}
        proc = subprocess.run(
            [binary(), *map(str, args)],
            cwd=cwd,
            env=full_env,
            capture_output=True,
            text=True,
            input=input,
            timeout=timeout,
            **stdin,
        )
        return Result(proc)

    return _run


@pytest.fixture
def project(tmp_path):
    """A folder to write files into: project.write("a/b.py", text)."""

    class Project:
        root = tmp_path

        def write(self, rel, text, mode="w"):
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if mode == "wb":
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
            return path

    return Project()
