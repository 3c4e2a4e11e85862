"""File discovery compared with git itself: on generated repositories with
.gitignore files at several levels and .git/info/exclude, the Python files
`check` reads must be exactly the untracked files git does not ignore
(`git ls-files --others --exclude-standard`). Every generated file has a
finding, so the files `check` read are the files its JSON output names.

The patterns mix the shapes users write (names, anchored paths, `*`, `?`,
`[...]`, `**`, negation, directory-only, escaped spaces and `#`, trailing
spaces) with the cases where discovery once differed from git: a directory
re-included under `foo/*`, an escaped space, and .git/info/exclude.
"""
import json
import os
import random
import shutil
import subprocess

import pytest

from conftest import binary

LEGACY = "from pyspark import SparkContext\nsc = SparkContext()\n"

DIRS = ["src", "src/jobs", "src/gen", "foo", "foo/bar", "foo/baz", "foo/bar/deep", "docs", "my dir",
        "lib/a", "lib/a/b"]
FILES = ["job.py", "keep.py", "x.py", "a.py", "b.py", "top.py", "my file.py", "#hash.py", "gen.py",
         "tmp_1.py", "trailing .py"]
PATTERNS = ["*.py", "!keep.py", "foo/*", "!foo/bar/", "/top.py", "**/gen", "gen/", "lib/**/x.py",
            "my\\ file.py", "\\#hash.py", "[ab].py", "?.py", "tmp_*", "!tmp_1.py", "deep/", "/src/jobs",
            "*/bar", "lib/**", "!lib/a/", "!*.py", "foo", "my dir/", "trailing\\ .py", "job.py   ",
            "#comment", "", "docs/*.py", "!docs/keep.py", "src/**/job.py", "**/bar/**"]

GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull,
           "HOME": os.devnull}


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, capture_output=True, text=True,
                          check=True).stdout


def make_repo(root, rng, known=None):
    git(root, "init", "-q")
    for d in DIRS:
        (root / d).mkdir(parents=True, exist_ok=True)
    for d in [""] + DIRS:
        for name in rng.sample(FILES, 4):
            (root / d / name).write_text(LEGACY)
    ignores = known or {}
    if not known:
        for d in rng.sample([""] + DIRS, 3):
            ignores[d] = "\n".join(rng.sample(PATTERNS, rng.randint(1, 5))) + "\n"
        if rng.random() < 0.5:
            ignores[".git/info/exclude"] = "\n".join(rng.sample(PATTERNS, 2)) + "\n"
    for where, text in ignores.items():
        path = root / where if where.endswith("exclude") else root / where / ".gitignore"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def git_files(root):
    out = git(root, "ls-files", "-z", "--others", "--exclude-standard")
    return sorted(p for p in out.split("\0") if p.endswith(".py"))


def checked_files(root):
    proc = subprocess.run([binary(), "check", "--isolated", "--output-format", "json", "."], cwd=root,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return sorted({os.path.relpath(d["filename"], root) for d in json.loads(proc.stdout)})


KNOWN = {
    "re-included directory under foo/*": {"": "foo/*\n!foo/bar/\n"},
    "escaped space": {"": "my\\ file.py\ntrailing\\ .py\n"},
    ".git/info/exclude": {".git/info/exclude": "x.py\n", "src": "!x.py\n"},
    "escaped hash and trailing spaces": {"": "\\#hash.py\njob.py   \n"},
    "lib/** with a re-included folder": {"": "lib/**\n!lib/a/\n"},
}


@pytest.mark.parametrize("case", sorted(KNOWN))
def test_known_differences_from_git_are_gone(tmp_path, case):
    make_repo(tmp_path, random.Random(case), KNOWN[case])
    assert checked_files(tmp_path) == git_files(tmp_path)


def test_random_repositories_match_git(tmp_path):
    for seed in range(40):
        root = tmp_path / str(seed)
        root.mkdir()
        make_repo(root, random.Random(seed))
        ignores = {str(p.relative_to(root)): p.read_text()
                   for p in [*root.rglob(".gitignore"), root / ".git/info/exclude"] if p.exists()}
        assert checked_files(root) == git_files(root), f"seed {seed}: {ignores}"
        shutil.rmtree(root)
