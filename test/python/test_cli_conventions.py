"""The command-line conventions users bring from ruff, through the real binary:
the `[*]` fixable marker and footer, the concise, junit and gitlab formats,
`check -` with --stdin-filename, --show-fixes, --add-noqa, --config,
--show-settings, --watch, and `rule` as text on a terminal."""
import json
import os
import pty
import select
import subprocess
import time
import xml.etree.ElementTree as ET

from conftest import binary

# SPK110 has a safe fix, SPK005 an unsafe one, SPK101 none (here).
MIXED = """\
from pyspark import SparkContext

sc = SparkContext()
sc.setLogLevel("WARN")
rdd = sc.parallelize([(1, "a")]).toDF(["id", "name"])
"""


def finding_lines(out):
    return [line for line in out.splitlines() if ": SPK" in line]


def test_fixable_marker_and_footer_follow_the_fix_safety(run, project):
    path = project.write("job.py", MIXED)
    out = run("check", path).out
    lines = finding_lines(out)
    assert any(": SPK110 [*] " in line for line in lines)
    assert any(": SPK101 " in line and "[*]" not in line for line in lines)
    assert any(": SPK005 " in line and "[*]" not in line for line in lines)
    assert "[*] 1 fixable with the `--fix` option (1 hidden fix can be enabled with the `--unsafe-fixes` option)." in out

    unsafe = run("check", path, "--unsafe-fixes").out
    assert any(": SPK005 [*] " in line for line in finding_lines(unsafe))
    assert any(": SPK101 " in line and "[*]" not in line for line in finding_lines(unsafe))
    assert "[*] 2 fixable with the `--fix` option." in unsafe
    assert "hidden" not in unsafe
    # What the footer promises is what --fix does.
    fixed = run("fix", path, "--show-fixes")
    assert "Fixed 1 finding:" in fixed.out and "1 × SPK110 (sc-set-log-level)" in fixed.out
    assert "\nsc.setLogLevel(" not in path.read_text()
    assert "SparkContext()" in path.read_text()


def test_show_fixes_without_fix_describes_each_fix(run, project):
    path = project.write("job.py", MIXED)
    lines = run("check", path, "--show-fixes").out.splitlines()
    at = next(i for i, line in enumerate(lines) if ": SPK110 " in line)
    assert lines[at + 1].startswith("  fix: ")
    assert path.read_text() == MIXED


def test_concise_is_one_line_per_finding(run, project):
    path = project.write("job.py", MIXED)
    full = run("check", path, "--output-format", "json").json()
    out = run("check", path, "--output-format", "concise").out.splitlines()
    assert len(finding_lines("\n".join(out))) == len(full)
    assert not any(line.lstrip().startswith("|") for line in out)
    assert out[len(full)].startswith("Found 3 problems")


def test_junit_counts_and_escapes(run, project):
    path = project.write("a&b.py", MIXED)
    expected = run("check", path, "--output-format", "json").json()
    result = run("check", path, "--output-format", "junit")
    assert result.code == 1
    root = ET.fromstring(result.out)  # well-formed despite the & in the name
    assert root.tag == "testsuites" and int(root.get("failures")) == len(expected)
    suite = root.find("testsuite")
    assert suite.get("name") == str(path)
    cases = suite.findall("testcase")
    assert sorted(c.get("name") for c in cases) == sorted("org.sparkmigrate." + d["code"] for d in expected)
    assert {int(c.get("line")) for c in cases} == {d["location"]["row"] for d in expected}
    assert all(c.find("failure").get("message") for c in cases)

    clean = project.write("clean.py", "x = 1\n")
    ok = run("check", clean, "--output-format", "junit")
    assert ok.code == 0
    suites = ET.fromstring(ok.out)
    assert suites.get("failures") == "0"
    assert [c.get("name") for c in suites.iter("testcase")] == ["No problems found"]


def test_gitlab_paths_are_project_relative_and_fingerprints_survive_moves(run, project):
    path = project.write("jobs/job.py", MIXED)
    env = {"CI_PROJECT_DIR": str(project.root)}
    report = run("check", path, "--output-format", "gitlab", env=env).json()
    assert len(report) == 3
    assert {r["location"]["path"] for r in report} == {"jobs/job.py"}
    assert {r["check_name"] for r in report} == {"SPK005", "SPK110", "SPK101"}
    assert {r["severity"] for r in report} <= {"major", "minor", "info"}
    assert len({r["fingerprint"] for r in report}) == 3
    path.write_text("# a new first line\n" + MIXED)
    moved = run("check", path, "--output-format", "gitlab", env=env).json()
    assert {r["fingerprint"] for r in moved} == {r["fingerprint"] for r in report}
    assert {r["location"]["positions"]["begin"]["line"] for r in moved} == {
        r["location"]["positions"]["begin"]["line"] + 1 for r in report
    }


def test_stdin_uses_the_named_files_configuration(run, project):
    project.write("sub/pyproject.toml", '[tool.sparkmigrate]\nignore = ["SPK101"]\n')
    before = sorted(p.name for p in project.root.rglob("*"))
    result = run("check", "-", "--stdin-filename", "sub/job.py", "--output-format", "json", cwd=project.root, input=MIXED)
    assert result.code == 1
    assert {d["code"] for d in result.json()} == {"SPK005", "SPK110"}
    assert all(d["filename"].endswith("sub/job.py") for d in result.json())
    plain = run("check", "-", cwd=project.root, input=MIXED)
    assert ": SPK101 " in plain.out and plain.out.startswith("-:")
    assert sorted(p.name for p in project.root.rglob("*")) == before  # nothing written


def test_fix_from_stdin_prints_the_source_and_reports_on_stderr(run, project):
    result = run("fix", "-", "--stdin-filename", "job.py", cwd=project.root, input=MIXED)
    assert "\nsc.setLogLevel(" not in result.out
    assert result.out.startswith("from pyspark import SparkContext\n")
    assert "SparkContext()" in result.out  # unsafe: left
    assert "job.py:" in result.err and "Fixed 1 finding" in result.err
    assert list(project.root.iterdir()) == []
    diff = run("fix", "-", "--diff", "--stdin-filename", "job.py", cwd=project.root, input=MIXED)
    assert '-sc.setLogLevel("WARN")' in diff.out


def test_stdin_bad_input_is_one_line_and_paths_cannot_mix(run, project):
    proc = subprocess.run([binary(), "check", "-"], input=b"x = '\xff'\n", capture_output=True)
    assert proc.returncode == 1
    assert proc.stderr.decode().strip().splitlines() == ["error: -:1:6: not valid UTF-8 (byte 0xff), not checked"]
    big = run("check", "-", "--max-file-size", "100", input=MIXED)
    assert big.code == 1 and big.err.strip() == (
        "error: -: larger than 100 bytes (max-file-size in pyproject.toml, --max-file-size), not checked")
    assert run("check", "-", "x.py", input="").code == 2
    assert run("check", "x.py", "--stdin-filename", "y.py").code == 2


NOQA_CASES = '''\
from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
sc = spark.sparkContext
rdd = sc.parallelize([1, 2])  # keep me
x = sc.parallelize("""a
b""")
y = sc.textFile("f") \\
    .map(lambda l: l)
z = sc.emptyRDD()  # noqa: SPK999
'''


def test_add_noqa_suppresses_what_it_can_and_only_adds_comments(run, project):
    path = project.write("job.py", NOQA_CASES)
    result = run("check", "--add-noqa", path, "--output-format", "concise")
    after = path.read_text()
    # Only comments were added: every original line is the start of its new line.
    old, new = NOQA_CASES.splitlines(), after.splitlines()
    assert len(old) == len(new) and all(n.startswith(o) for o, n in zip(old, new))
    assert new[5] == 'b""")  # noqa: SPK101'  # not inside the string
    assert new[6] == old[6]  # nothing after a line continuation
    assert new[8] == "z = sc.emptyRDD()  # noqa: SPK999, SPK103"
    assert "Added 4 noqa comments (4 findings suppressed; 2 could not be" in result.out
    assert result.code == 1
    left = run("check", path, "--output-format", "json").json()
    assert sorted(d["code"] for d in left) == ["SPK000", "SPK104"]
    again = run("check", "--add-noqa", path)
    assert "Added 0 noqa comments" in again.out and path.read_text() == after


def test_config_file_replaces_discovered_pyproject(run, project):
    project.write("pyproject.toml", '[tool.sparkmigrate]\nselect = ["SPK005"]\n')
    path = project.write("job.py", MIXED)
    config = project.write("ci/sparkmigrate.toml",
                           '[tool.sparkmigrate]\ntarget-version = "4.1"\nignore = ["SPK1"]\n'
                           '[tool.sparkmigrate.llm]\nbackend = "openai"\nmodel = "m"\napi-key-env = "MY_KEY"\n')
    assert {d["code"] for d in run("check", path, "--output-format", "json").json()} == {"SPK005"}
    with_config = run("check", path, "--config", config, "--output-format", "json").json()
    assert {d["code"] for d in with_config} == {"SPK005", "SPK810"}  # 4.1, and not the folder's select
    assert not any(d["code"].startswith("SPK1") for d in with_config)
    settings = run("check", path, "--config", config, "--show-settings", env={"MY_KEY": "sk-do-not-print-1234"})
    assert settings.code == 0
    assert f"configuration    {config}" in settings.out
    assert "target-version   4.1" in settings.out
    assert "MY_KEY" in settings.out and "sk-do-not-print" not in settings.out
    missing = run("check", path, "--config", project.root / "nope.toml")
    assert missing.code == 2 and "no such configuration file" in missing.err
    empty = project.write("empty.toml", "[tool.other]\n")
    assert "has no [tool.sparkmigrate] table" in run("check", path, "--config", empty).err


def test_show_settings_names_the_pyproject_and_the_rules(run, project):
    project.write("pyproject.toml", '[tool.sparkmigrate]\nplatform = "databricks"\n')
    project.write("job.py", MIXED)
    out = run("check", project.root, "--show-settings").out
    assert out.startswith(f"Settings for {project.root / 'job.py'}")
    assert f"configuration    {project.root / 'pyproject.toml'}" in out
    assert "platform         databricks" in out
    assert "SPK101" in out.split("rules selected")[1]


def test_watch_checks_again_when_a_file_changes(project):
    project.write("a.py", "x = 1\n")
    proc = subprocess.Popen([binary(), "check", "--watch", "--output-format", "concise", "."],
                            cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    pending = b""
    try:
        def read_until(marker, limit=30):
            # Raw reads of the pipe: a buffered reader could hold what select() waits for.
            nonlocal pending
            deadline = time.monotonic() + limit
            while marker.encode() not in pending:
                assert time.monotonic() < deadline, pending
                ready, _, _ = select.select([proc.stdout], [], [], 1)
                if ready:
                    pending += os.read(proc.stdout.fileno(), 65536)
            cut = pending.index(marker.encode()) + len(marker)
            seen, pending = pending[:cut].decode(), pending[cut:]
            return seen

        assert "All checks passed" in read_until("Watching")
        project.write("b.py", MIXED)
        second = read_until("Watching")
        assert "b.py:4:1: SPK110 [*]" in second and "Found 3 problems" in second
        project.write("b.py", "y = 2\n")
        assert "All checks passed (2 files checked)" in read_until("Watching")
    finally:
        proc.terminate()
        proc.wait(10)


def test_rule_prints_text_on_a_terminal_and_markdown_in_a_pipe(run):
    piped = run("rule", "SPK101").out
    assert piped.startswith("<!--") and "\n# SPK101 sparkcontext-parallelize\n" in piped
    text = run("rule", "SPK101", "--output-format", "text").out
    assert text.startswith("SPK101 sparkcontext-parallelize\n")
    assert "```" not in text and "|---" not in text and "<!--" not in text and "**" not in text
    assert "  Severity:           error" in text
    assert "\n    df = spark.createDataFrame(" in text  # code indented
    # On a terminal (a pseudo-terminal here), text is the default, in bold where headings are.
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary(), [binary(), "rule", "SPK101"])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    shown = out.decode().replace("\r\n", "\n")
    assert shown.startswith("\x1b[1mSPK101 sparkcontext-parallelize\x1b[0m\n")
    assert "```" not in shown


def test_force_exclude_applies_the_excludes_to_named_files(run, project):
    project.write("pyproject.toml", '[tool.sparkmigrate]\nextend-exclude = ["gen/"]\n')
    named = [project.write(p, MIXED) for p in ("gen/a.py", ".venv/lib/b.py", "src/c.py")]
    plain = run("check", *named, "--output-format", "json", cwd=project.root).json()
    assert {os.path.relpath(d["filename"], project.root) for d in plain} == {"gen/a.py", ".venv/lib/b.py", "src/c.py"}
    forced = run("check", "--force-exclude", *named, "--output-format", "json", cwd=project.root).json()
    assert {os.path.relpath(d["filename"], project.root) for d in forced} == {"src/c.py"}
