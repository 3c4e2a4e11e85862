"""`sparkmigrate fix` and `check --fix` end to end on the real binary: safe fixes by
default, unsafe ones only with --unsafe-fixes, --diff writes nothing, writes happen in
place and keep the file (owner, mode, extended attributes and ACLs, hard links), a failed
write leaves the original, read-only files and links out of the folder given are refused
with a message, configuration (pyproject.toml, --select/--ignore) is honoured, fixing is
idempotent, exit codes follow check's, and the bundled examples are fixed into code that
parses and that check no longer flags for the fixed rules."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LEGACY = """\
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext  # the context
df = spark.table("t")
if df.rdd.isEmpty():  # empty?
    rows = sc.parallelize([(1, "a")]).toDF(["id", "v"])
"""


def test_fix_applies_safe_fixes_and_reports_what_is_left(run, project):
    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", path)
    assert result.code == 1  # the unsafe parallelize rewrite is left
    text = path.read_text()
    assert "if df.isEmpty():  # empty?" in text
    assert "sc.parallelize" in text
    assert "Fixed 1 finding" in result.out
    assert "1 fixable with --unsafe-fixes" in result.out


def test_unsafe_fixes_reach_a_clean_file_and_a_second_run_changes_nothing(run, project):
    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", "--unsafe-fixes", path)
    assert result.code == 0, result.out + result.err
    text = path.read_text()
    assert "rows = spark.createDataFrame([(1, \"a\")], [\"id\", \"v\"])" in text
    assert "sparkContext" not in text
    assert "# the context" in text  # comments around a removed statement stay
    again = run("fix", "--isolated", "--unsafe-fixes", path)
    assert again.code == 0
    assert path.read_text() == text
    assert "Fixed 0 findings" in again.out


def test_diff_prints_a_unified_diff_and_writes_nothing(run, project):
    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", "--diff", path)
    assert path.read_text() == LEGACY
    assert f"--- {path}" in result.out
    assert "-if df.rdd.isEmpty():  # empty?" in result.out
    assert "+if df.isEmpty():  # empty?" in result.out
    assert "Would fix 1 finding" in result.err


def test_check_fix_is_an_alias(run, project):
    path = project.write("job.py", LEGACY)
    result = run("check", "--fix", "--isolated", path)
    assert "if df.isEmpty()" in path.read_text()
    assert "Fixed 1 finding" in result.out


def test_diff_needs_fix_and_unsafe_fixes_alone_only_marks(run, project):
    path = project.write("job.py", LEGACY)
    assert run("check", "--diff", path).code == 2
    marked = run("check", "--unsafe-fixes", path)  # as ruff: marks unsafe fixes [*], writes nothing
    assert marked.code == 1 and path.read_text() == LEGACY


def test_write_keeps_the_file_mode_and_leaves_no_backup_file(run, project):
    path = project.write("job.py", LEGACY)
    os.chmod(path, 0o640)
    run("fix", "--isolated", path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in project.root.iterdir()) == ["job.py"]


def test_fix_never_writes_through_a_link_out_of_the_folder_given(run, tmp_path):
    proj, real = tmp_path / "proj", tmp_path / "real"
    proj.mkdir()
    real.mkdir()
    outside = real / "t.py"
    outside.write_text(LEGACY)
    (proj / "link.py").symlink_to("../real/t.py")
    own = proj / "own.py"
    own.write_text(LEGACY)
    (proj / "alias.py").symlink_to("own.py")  # a link that stays inside is followed
    refused = (f"error: {proj}/link.py: a symbolic link to {outside}, outside {proj}; "
               "not written (--follow-symlinks writes through links)")

    result = run("fix", "--isolated", proj)
    assert result.code == 1
    assert outside.read_text() == LEGACY
    assert "if df.isEmpty():" in own.read_text()
    assert result.err.splitlines() == [refused]
    assert "Fixed 1 finding in 1 file" in result.out  # own.py, once, though it has two names

    # Named explicitly, a link may not leave its own folder either; --diff shows, writes nothing.
    named = run("fix", "--isolated", proj / "link.py")
    assert named.code == 1 and outside.read_text() == LEGACY
    assert named.err.splitlines() == [refused]
    assert "+if df.isEmpty():" in run("fix", "--isolated", "--diff", proj / "link.py").out

    followed = run("fix", "--isolated", "--follow-symlinks", proj)
    assert followed.err == ""
    assert "if df.isEmpty():" in outside.read_text()
    assert (proj / "link.py").is_symlink()
    assert run("check", "--follow-symlinks", proj).code == 2  # a fix option


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_fix_keeps_owner_mode_extended_attributes_acls_and_hard_links(run, project):
    path = project.write("job.py", LEGACY)
    os.chown(path, 1234, 1234)
    os.chmod(path, 0o640)
    os.setxattr(path, "user.origin", b"kept")
    # A POSIX ACL granting uid 4321 read-write, in the kernel's xattr form (version 2 entries
    # of tag, permissions, id): user::rw- user:4321:rw- group::r-- mask::rw- other::---.
    acl = (2).to_bytes(4, "little") + b"".join(
        tag.to_bytes(2, "little") + perm.to_bytes(2, "little") + uid.to_bytes(4, "little")
        for tag, perm, uid in [(0x01, 6, 2**32 - 1), (0x02, 6, 4321), (0x04, 4, 2**32 - 1),
                               (0x10, 6, 2**32 - 1), (0x20, 0, 2**32 - 1)])
    try:
        os.setxattr(path, "system.posix_acl_access", acl)
        has_acl = True
    except OSError:  # a file system without ACLs
        has_acl = False
    elsewhere = project.root / "elsewhere"
    elsewhere.mkdir()
    os.link(path, elsewhere / "alias.py")
    before = os.stat(path)

    result = run("fix", "--isolated", path)
    assert result.code == 1 and result.err == ""  # the unsafe rewrite is left
    after = os.stat(path)
    assert "if df.isEmpty():  # empty?" in path.read_text()
    assert (after.st_ino, after.st_nlink) == (before.st_ino, 2)
    assert (elsewhere / "alias.py").read_text() == path.read_text()
    assert (after.st_uid, after.st_gid) == (1234, 1234)
    assert after.st_mode == before.st_mode
    assert os.getxattr(path, "user.origin") == b"kept"
    if has_acl:
        assert os.getxattr(path, "system.posix_acl_access") == acl
    assert sorted(p.name for p in project.root.iterdir()) == ["elsewhere", "job.py"]


def test_two_names_of_one_file_in_the_folder_are_fixed_once(run, project):
    first = project.write("a.py", LEGACY)
    os.link(first, project.root / "b.py")
    result = run("fix", "--isolated", project.root)
    assert result.err == ""  # the second name finds the file already fixed: no "changed since read"
    assert "if df.isEmpty():  # empty?" in first.read_text()
    assert os.stat(first).st_nlink == 2 and os.path.samefile(first, project.root / "b.py")


def test_read_only_files_are_refused_not_replaced(run, project):
    path = project.write("job.py", LEGACY)
    os.chmod(path, 0o444)
    result = run("fix", "--isolated", path)
    assert result.code == 1
    assert path.read_text() == LEGACY
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444
    assert result.err == f"error: {path}: read-only (mode 0444); not written (make it writable to fix it)\n"
    assert "Fixed 0 findings in 0 files" in result.out


def test_a_failed_write_leaves_the_original_and_no_backup(project):
    # A file size limit just above the original: the backup copy fits, the longer fixed text
    # does not (EFBIG), and the original is put back.
    from conftest import binary

    text = ("# Databricks notebook source\n"
            "rows = sc.parallelize([(1, \"a\")]).toDF([\"id\", \"v\"])\n")
    path = project.write("nb.py", text)
    size = len(text.encode())

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 1, size + 1))

    proc = subprocess.run([binary(), "fix", "--isolated", "--unsafe-fixes", str(path)], preexec_fn=limit,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == f"error: {path}: cannot write: File too large; the file is unchanged\n"
    assert path.read_text() == text
    assert [p.name for p in project.root.iterdir()] == ["nb.py"]


def test_select_ignore_and_pyproject_are_honoured(run, project):
    path = project.write("job.py", LEGACY)
    run("fix", "--isolated", "--unsafe-fixes", "--ignore", "SPK302", path)
    assert "df.rdd.isEmpty()" in path.read_text()
    assert "spark.createDataFrame" in path.read_text()

    path.write_text(LEGACY)
    project.write("pyproject.toml", "[tool.sparkmigrate]\nignore = [\"SPK101\"]\n")
    run("fix", "--unsafe-fixes", path, cwd=project.root)
    text = path.read_text()
    assert "df.isEmpty()" in text and "sc.parallelize" in text


def test_clean_file_exits_zero_and_is_untouched(run, project):
    text = "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
    path = project.write("ok.py", text)
    result = run("fix", "--isolated", path)
    assert result.code == 0
    assert path.read_text() == text


def test_json_output_keeps_stdout_valid(run, project):
    import json

    path = project.write("job.py", LEGACY)
    result = run("fix", "--isolated", "--output-format", "json", path)
    findings = json.loads(result.out)
    assert [f["code"] for f in findings] == ["SPK001", "SPK101"]
    assert findings[1]["fix"]["applicability"] == "unsafe"
    assert "Fixed 1 finding" in result.err


def test_check_json_carries_fix_edits(run, project):
    import json

    path = project.write("job.py", LEGACY)
    findings = json.loads(run("check", "--isolated", "--output-format", "json", path).out)
    by_code = {f["code"]: f for f in findings}
    assert by_code["SPK302"]["fix"]["applicability"] == "safe"
    assert by_code["SPK302"]["fix"]["edits"][0]["content"] == ""
    assert path.read_text() == LEGACY


def test_bom_is_kept(run, project):
    path = project.write("bom.py", ("\ufeff" + LEGACY).encode("utf-8"), mode="wb")
    run("fix", "--isolated", path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"df.isEmpty()" in data


def test_bundled_examples_are_fixed_into_code_that_parses(run, tmp_path):
    import ast

    target = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", target)
    result = run("fix", "--isolated", "--unsafe-fixes", target)
    assert result.code in (0, 1)
    jobs = (target / "legacy_etl" / "jobs.py").read_text()
    for legacy in ("rdd.isEmpty()", "sc.parallelize", "DataFrame.unionByName", "toJSON()",
                   "registerDataFrameAsTable", "getConf()", "setLogLevel(\"WARN\")\n"):
        assert legacy not in jobs, legacy
    for path in target.rglob("*.py"):
        ast.parse(path.read_text(), str(path))
    again = run("fix", "--isolated", "--unsafe-fixes", target)
    assert "Fixed 0 findings" in again.out


def test_a_file_with_a_syntax_error_is_not_touched(run, project):
    broken = LEGACY + "def broken(:\n"
    path = project.write("broken.py", broken)
    result = run("fix", "--isolated", path)
    assert result.code == 1
    assert path.read_text() == broken
    assert "syntax error; not fixed" in result.err
