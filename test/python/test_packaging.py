"""Where Python teams install linters: the sparkmigrate wheel (pyproject.toml, built by
scikit-build-core from the CMake project) installed into a fresh virtualenv, and the hooks
of .pre-commit-hooks.yaml run by the real pre-commit against a temporary git repository.

The wheel is built once for the module (a release build of the binary: a few minutes).
pre-commit runs our hook definitions as `language: system` hooks of a local repository,
with the wheel's virtualenv on PATH: `language: python` would pip-install this repository
and build the binary a second time, which is the same build as the one tested here."""
import json
import os
import re
import subprocess
import sys
import venv

import pytest
import yaml

from conftest import ROOT

LEGACY = """\
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
spark.sparkContext.setLogLevel("WARN")
rows = spark.sparkContext.parallelize([1, 2, 3]).collect()
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
         "--disable-pip-version-check", "-q", "-w", str(out),
         f"--config-settings=build-dir={out / 'build'}", str(ROOT)],
        check=True, timeout=3600,
    )
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """A fresh virtualenv with the wheel installed (pip, offline, no other package)."""
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env, with_pip=True)
    subprocess.run([env / "bin" / "python", "-m", "pip", "install", "-q", "--no-index", "--no-deps",
                    "--disable-pip-version-check", str(wheel)], check=True, timeout=300)
    return env


def test_wheel_is_one_for_every_python_and_names_the_cmake_version(wheel):
    version = re.search(r"project\(sparkmigrate VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)
    assert wheel.name == f"sparkmigrate-{version}-py3-none-linux_x86_64.whl"


def test_installed_binary_checks_the_examples(installed):
    binary = installed / "bin" / "sparkmigrate"
    assert binary.is_file() and os.access(binary, os.X_OK)
    result = subprocess.run([binary, "check", "--output-format", "json", ROOT / "examples"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    found = {(os.path.basename(d["filename"]), d["code"]) for d in json.loads(result.stdout)}
    assert ("jobs.py", "SPK110") in found
    assert not any(name == "connect_ready.py" for name, _ in found)
    # The same through `python -m sparkmigrate`, and on PATH as an activated env has it.
    module = subprocess.run([installed / "bin" / "python", "-m", "sparkmigrate", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert module.returncode == 0 and module.stdout.startswith("sparkmigrate ")
    on_path = subprocess.run(["sparkmigrate", "rule", "SPK110", "--output-format", "text"], capture_output=True,
                             text=True, timeout=60,
                             env={**os.environ, "PATH": f"{installed / 'bin'}:/usr/bin:/bin"})
    assert on_path.returncode == 0 and on_path.stdout.startswith("SPK110 ")


def test_installed_binary_needs_only_the_c_library(installed):
    libraries = subprocess.run(["ldd", installed / "bin" / "sparkmigrate"], capture_output=True, text=True).stdout
    names = {line.split()[0] for line in libraries.splitlines() if line.strip()}
    assert not any(n.startswith(("libfmt", "libtomlplusplus", "libstdc++", "libgcc_s")) for n in names), names


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


def pre_commit(repo, installed, tmp_path, *args):
    env = {**os.environ, "PATH": f"{installed / 'bin'}:{os.environ['PATH']}",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def repo(tmp_path):
    """A git repository whose .pre-commit-config.yaml runs our hooks (as local system hooks)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@example.com")
    git(repo, "config", "user.name", "t")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["sparkmigrate", "sparkmigrate-fix"]
    local = [dict(h, language="system") for h in hooks]
    order = {"sparkmigrate-fix": 0, "sparkmigrate": 1}  # fix first, as the README shows
    local.sort(key=lambda h: order[h["id"]])
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}))
    (repo / "pyproject.toml").write_text('[tool.sparkmigrate]\nextend-exclude = ["vendored/"]\n')
    return repo


def test_pre_commit_fixes_then_fails_on_what_is_left(repo, installed, tmp_path):
    (repo / "job.py").write_text(LEGACY)
    (repo / "vendored").mkdir()
    (repo / "vendored" / "old.py").write_text(LEGACY)  # excluded in pyproject.toml: never touched
    (repo / "notes.txt").write_text("sc.parallelize\n")
    git(repo, "add", "-A")
    result = pre_commit(repo, installed, tmp_path, "run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert re.search(r"sparkmigrate fix\.+Failed", out) and "files were modified by this hook" in out
    assert re.search(r"^sparkmigrate\.+Failed", out, re.M)
    assert "job.py:5:8: SPK101 " in out
    assert "vendored" not in out
    fixed = (repo / "job.py").read_text()
    assert '\nspark.sparkContext.setLogLevel("WARN")' not in fixed and "parallelize" in fixed
    assert (repo / "vendored" / "old.py").read_text() == LEGACY


def test_pre_commit_passes_clean_code(repo, installed, tmp_path):
    (repo / "job.py").write_text('from pyspark.sql import SparkSession\n\nspark = SparkSession.builder.getOrCreate()\n'
                                 'df = spark.range(3)\n')
    git(repo, "add", "-A")
    result = pre_commit(repo, installed, tmp_path, "run", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"sparkmigrate fix\.+Passed", result.stdout)
    assert re.search(r"^sparkmigrate\.+Passed", result.stdout, re.M)
