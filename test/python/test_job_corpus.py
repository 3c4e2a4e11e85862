"""The job corpus (test/corpus, README there) run end to end on real engines.

Once for the module: test/corpus is copied twice to a temp folder; `sparkmigrate fix
--isolated --unsafe-fixes` rewrites one copy's jobs, and `check --isolated --output-format
json` lists the findings of both copies (before and after the fix). Then harness processes
(test/corpus/harness.py) run the ORIGINAL jobs on classic local Spark, the ORIGINAL jobs on
Spark Connect, the FIXED jobs on Spark Connect, and the ORIGINAL jobs on Spark Connect
through the runtime (shim mode, and rewrite mode), against one Spark Connect server started
for this module (or SPARKMIGRATE_TEST_REMOTE=sc://host:port). The tests then judge each job:

- the original runs on classic (it is valid legacy code);
- the outcome is the one its header expects (migrates / remains / clean / broken);
- never worse: a job whose original already printed the classic output on Connect still does
  after the fix;
- no silent wrong answers: a fixed job with no finding left prints what classic printed;
- the runtime modes print the classic output, or stop with an error where Connect without the
  runtime stopped too (never other output, never worse than without the runtime);
- every fix transform named in rules/*.toml is proven by a job that migrates fully (except the
  Databricks-only ones in NOT_PROVABLE);
- the corpus section of docs/coverage.md is what this run produces
  (SPARKMIGRATE_UPDATE_COVERAGE=1 rewrites it).

Jobs whose header reason starts with "BUG:" document a known wrong fix: the safety tests they
fail are expected failures (xfail), and the outcome test, which asserts the header's
expectation (`broken` when no finding is left), fails once the bug is fixed.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "test" / "corpus"
COVERAGE = ROOT / "docs" / "coverage.md"

sys.path.insert(0, str(ROOT / "runtime" / "python" / "tests"))
from spark_server import SparkConnectServer, spark_environment  # noqa: E402

_spec = importlib.util.spec_from_file_location("corpus_report", CORPUS / "report.py")
report = importlib.util.module_from_spec(_spec)
sys.modules["corpus_report"] = report
_spec.loader.exec_module(report)

JOBS = report.discover(CORPUS / "jobs")

# Transforms whose original code cannot run on open-source classic Spark, so no job can prove them.
NOT_PROVABLE = {
    "display-to-show": "`DataFrame.display()` exists only in Databricks notebooks",
    "import-dbutils": "`dbutils` and databricks-sdk exist only on Databricks",
    "to-safe-json": "`dbutils.notebook.entry_point...getContext()` exists only on Databricks",
}


def binary() -> str:
    path = os.path.abspath(os.environ.get("SPARKMIGRATE_BIN", str(ROOT / "build" / "sparkmigrate")))
    if not os.access(path, os.X_OK):
        raise RuntimeError(f"sparkmigrate binary not found at {path}: run `make build`")
    return path


def transforms_by_rule() -> dict[str, str]:
    """Rule code -> the fix transform its TOML names."""
    table = {}
    for path in sorted((ROOT / "rules").glob("SPK*.toml")):
        rule = tomllib.loads(path.read_text(encoding="utf-8"))
        transform = rule.get("fix", {}).get("transform")
        if transform:
            table[rule["code"]] = transform
    return table


def job_files(job, root: Path) -> list[Path]:
    """The job's .py files inside a copy of the corpus at `root`."""
    return [root / path.relative_to(CORPUS) for path in job.files]


def by_args() -> dict[tuple[str, ...], list]:
    groups = defaultdict(list)
    for job in JOBS.values():
        groups[tuple(job.args)].append(job)
    return groups


def findings(root: Path) -> dict[str, list[dict]]:
    """Job name -> the findings of `check` over the jobs in the copy at `root`."""
    owner = {str(path): job.name for job in JOBS.values() for path in job_files(job, root)}
    found: dict[str, list[dict]] = {name: [] for name in JOBS}
    for args, jobs in by_args().items():
        paths = [str(p) for job in jobs for p in job_files(job, root)]
        proc = subprocess.run([binary(), "check", "--isolated", "--output-format", "json", "--exit-zero",
                               *args, *paths], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        for finding in json.loads(proc.stdout):
            found[owner[finding["filename"]]].append(finding)
    return found


def fix(root: Path) -> None:
    for args, jobs in by_args().items():
        paths = [str(p) for job in jobs for p in job_files(job, root)]
        proc = subprocess.run([binary(), "fix", "--isolated", "--unsafe-fixes", *args, *paths],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode in (0, 1), proc.stderr


class Harness:
    """One harness process running every job of the copy at `root` on one engine."""

    def __init__(self, engine: str, root: Path, work: Path, remote: str | None = None,
                 runtime: str | None = None) -> None:
        self.label = f"{engine}-{root.name}" + (f"-{runtime}" if runtime else "")
        plan = work / f"{self.label}-plan.json"
        self.out, self.err = work / f"{self.label}-results.json", work / f"{self.label}.stderr"
        plan.write_text(json.dumps([{"name": job.name, "entry": str(root / job.entry.relative_to(CORPUS))}
                                    for job in JOBS.values()]))
        env = spark_environment()
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        if remote:
            env["SPARK_REMOTE"] = remote
        if runtime:
            env.update(SPARKMIGRATE_BIN=binary(), SPARKMIGRATE_RUNTIME_CACHE=str(work / "rewrite-cache"))
        with open(self.err, "wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, str(CORPUS / "harness.py"), "--engine", engine,
                 *(["--runtime", runtime] if runtime else []), str(plan), str(self.out)],
                env=env, cwd=work, stdin=subprocess.DEVNULL, stdout=err, stderr=subprocess.STDOUT)

    def results(self, timeout: float = 900) -> dict:
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            code = "timeout"
        tail = self.err.read_text(errors="replace")[-6000:]
        assert code == 0 and self.out.exists(), f"{self.label} harness failed ({code}):\n{tail}"
        return json.loads(self.out.read_text())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def run_corpus(work: Path) -> dict[str, dict]:
    """Job name -> before/after findings, whether the fix changed it, and the three runs
    (also written to work/results.json)."""
    original, fixed = work / "original", work / "fixed"
    for copy in (original, fixed):
        shutil.copytree(CORPUS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = findings(original)
    fix(fixed)
    after = findings(fixed)
    classic = Harness("classic", original, work).results()
    remote = os.environ.get("SPARKMIGRATE_TEST_REMOTE")
    server = None
    if not remote:
        server = SparkConnectServer(work / "server")
        server.start()
        remote = server.url
    runs = []
    try:  # client processes two at a time, one server
        runs = [Harness("connect", original, work, remote), Harness("connect", fixed, work, remote)]
        connect_original, connect_fixed = [run.results() for run in runs]
        runs = [Harness("connect", original, work, remote, runtime="shim"),
                Harness("connect", original, work, remote, runtime="rewrite")]
        shimmed, rewritten = [run.results() for run in runs]
    finally:
        for run in runs:
            run.stop()
        if server:
            server.stop()
    results = {}
    for name, job in JOBS.items():
        texts = [(a.read_bytes(), b.read_bytes()) for a, b in zip(job_files(job, original), job_files(job, fixed))]
        results[name] = {
            "before": [(f["code"], f["fix"] is not None) for f in before[name]],
            "after": [f["code"] for f in after[name]],
            "changed": any(a != b for a, b in texts),
            "fixed_text": "\n".join(b.decode() for _, b in texts),
            "classic": classic[name],
            "connect_original": connect_original[name],
            "connect_fixed": connect_fixed[name],
            "connect_shim": shimmed[name],
            "connect_rewrite": rewritten[name],
        }
    (work / "results.json").write_text(json.dumps(results, indent=1, default=str))
    return results


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, dict]:
    return run_corpus(tmp_path_factory.mktemp("job-corpus"))


def describe(run: dict) -> str:
    if run["error"]:
        return f"{run['error']['type']}: {run['error']['message'][:1500]}\nstdout:\n{run['stdout']}"
    return run["stdout"]


def output_diff(classic: dict, connect: dict, label: str = "connect (fixed)") -> str:
    return "\n".join(difflib.unified_diff(describe(classic).splitlines(), describe(connect).splitlines(),
                                          "classic", label, lineterm=""))


def assert_safe(name: str, ok: bool, message: str) -> None:
    """A safety assertion; for a job whose header documents a known bug ("BUG: ..."), its
    failure is an expected failure (the outcome test notices when the bug is gone)."""
    if not ok and JOBS[name].reason.startswith("BUG:"):
        pytest.xfail(JOBS[name].reason)
    assert ok, message


@pytest.mark.parametrize("name", sorted(JOBS))
def test_original_runs_on_classic(corpus, name):
    run = corpus[name]["classic"]
    assert run["error"] is None, describe(run)


@pytest.mark.parametrize("name", sorted(JOBS))
def test_outcome_matches_header(corpus, name):
    result, job = corpus[name], JOBS[name]
    actual = report.outcome(result)
    hint = (" (a wrong fix: if it is a known bug, set expect=broken with reason=\"BUG: ...\")"
            if actual == "broken" else "")
    assert actual == job.expect, (
        f"header says expect={job.expect}, the run says {actual}{hint}\n"
        f"findings before: {sorted(set(c for c, _ in result['before']))}, after: {sorted(set(result['after']))}\n"
        f"classic vs connect (original):\n{output_diff(result['classic'], result['connect_original'], 'connect (original)')}\n"
        f"classic vs connect (fixed):\n{output_diff(result['classic'], result['connect_fixed'])}\n"
        f"fixed code:\n{result['fixed_text']}")


@pytest.mark.parametrize("name", sorted(JOBS))
def test_fix_is_never_worse(corpus, name):
    result = corpus[name]
    if not report.same(result["classic"], result["connect_original"]):
        pytest.skip("the original did not run on Connect as on classic")
    assert_safe(name, report.same(result["classic"], result["connect_fixed"]),
                "the original ran on Connect; the fixed job does not:\n"
                + output_diff(result["classic"], result["connect_fixed"]) + "\nfixed code:\n" + result["fixed_text"])


@pytest.mark.parametrize("name", sorted(JOBS))
def test_no_silent_wrong_answer(corpus, name):
    result = corpus[name]
    if result["after"]:
        pytest.skip(f"findings left: {sorted(set(result['after']))}")
    assert_safe(name, report.same(result["classic"], result["connect_fixed"]),
                "no finding is left, yet Connect prints something else:\n"
                + output_diff(result["classic"], result["connect_fixed"]) + "\nfixed code:\n" + result["fixed_text"])


@pytest.mark.parametrize("mode", ["shim", "rewrite"])
@pytest.mark.parametrize("name", sorted(JOBS))
def test_runtime_modes_keep_the_classic_output(corpus, name, mode):
    """The original job through the runtime shim, or rewritten on import: the classic output, or
    a stop with an error where Connect without the runtime stopped too. Other output only where
    Connect without the runtime printed exactly that (a silent behaviour change of Connect's,
    such as a UDF's late-bound loop variable, that the runtime does not intercept and the
    static rules report): the runtime itself never changes an answer."""
    result = corpus[name]
    run = result[f"connect_{mode}"]
    original = result["connect_original"]
    if result["classic"]["error"]:
        pytest.skip("the job fails on classic")
    if run["error"] and not report.same(result["classic"], original):
        pytest.skip(f"stops with {run['error']['type']}, as it does on Connect without the runtime")
    if not run["error"] and not original["error"] and run["stdout"] == original["stdout"] \
            and run["stdout"] != result["classic"]["stdout"]:
        pytest.skip("prints what Connect prints without the runtime: a behaviour change of Connect's")
    assert_safe(name, report.same(result["classic"], run),
                f"{mode}: not the classic output:\n" + output_diff(result["classic"], run, f"connect ({mode})"))


def proven_transforms(corpus) -> dict[str, list[str]]:
    """Transform -> the jobs that prove it (original finding with that fix; migrates fully)."""
    table = transforms_by_rule()
    proven: dict[str, list[str]] = {t: [] for t in sorted(set(table.values())) if t not in NOT_PROVABLE}
    for name in sorted(corpus):
        if report.outcome(corpus[name]) != "migrates":
            continue
        for transform in sorted({table[code] for code, has_fix in corpus[name]["before"]
                                 if has_fix and code in table}):
            if transform in proven and name not in proven[transform]:
                proven[transform].append(name)
    return proven


def test_every_fix_transform_is_proven(corpus):
    known = set(transforms_by_rule().values())
    assert set(NOT_PROVABLE) <= known, f"NOT_PROVABLE names unknown transforms: {set(NOT_PROVABLE) - known}"
    unproven = [t for t, names in proven_transforms(corpus).items() if not names]
    assert not unproven, f"no job that migrates fully exercises these fix transforms: {unproven}"


def test_coverage_report_is_current(corpus):
    section = report.render(JOBS, corpus, proven_transforms(corpus), NOT_PROVABLE)
    current = COVERAGE.read_text(encoding="utf-8")
    wanted = report.splice(current, section)
    if os.environ.get("SPARKMIGRATE_UPDATE_COVERAGE") == "1" and current != wanted:
        COVERAGE.write_text(wanted, encoding="utf-8")
        current = wanted
    assert current == wanted, ("docs/coverage.md is out of date; rerun with SPARKMIGRATE_UPDATE_COVERAGE=1:\n"
                               + "\n".join(difflib.unified_diff(current.splitlines(), wanted.splitlines(),
                                                                lineterm="")))
