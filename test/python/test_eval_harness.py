"""The evaluation harness (bench/eval, `make eval`) on a small slice, so it cannot rot.

The task set itself is checked first: every task names a catalogue entry that sparkmigrate
reports in it, has a reference migration and a recorded classic result, and the train/test
split keeps each entry on one side. Then evaluate.py runs for real, against one Spark Connect
server started for this module (or SPARKMIGRATE_TEST_REMOTE): the judge's own check (the
reference migrations all pass, the unchanged originals none), the rules on the same slice, and
two tasks through the real local model (SmolLM2 behind llama.cpp, the session's server, with
its answers capped), whose validated arm may never leave a finding the rules had not left.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, binary
from llm_model import llm_model_server  # noqa: F401 (the session fixture)

EVAL = ROOT / "bench" / "eval"
sys.path.insert(0, str(EVAL))
import taskset  # noqa: E402
from driver import normalise  # noqa: E402

SLICE = 8  # tasks in the judge's check: the first of each family, then the second...


def evaluate(*args: str, timeout: float = 1500) -> subprocess.CompletedProcess:
    env = dict(os.environ, SPARKMIGRATE_BIN=binary())
    return subprocess.run([sys.executable, str(EVAL / "evaluate.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def remote(tmp_path_factory):
    url = os.environ.get("SPARKMIGRATE_TEST_REMOTE")
    if url:
        yield url
        return
    server = taskset.spark_server().SparkConnectServer(tmp_path_factory.mktemp("eval-spark"))
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


def rows_by_system(path: Path) -> dict:
    return {row["system"]: row for row in json.loads(path.read_text())["rows"]}


def test_the_task_set_is_whole():
    tasks = taskset.load_tasks()
    expected = json.loads(taskset.EXPECTED.read_text())
    split = json.loads(taskset.SPLIT.read_text())
    assert len(tasks) >= 150
    assert {t.id for t in tasks} == set(expected), "expected.json is out of date: run bench/eval/record.py"
    families = {t.family for t in tasks}
    assert {"context", "rdd", "jvm", "sqlcontext", "ml", "behaviour"} <= families
    for task in tasks:
        assert task.solution_path.is_file(), task.id
        assert expected[task.id]["entry"] == task.entry, task.id
    sides = {}
    for task in tasks:
        sides.setdefault(task.entry, set()).add(taskset.split_of(task, split))
    assert all(len(s) == 1 for s in sides.values()), "an entry on both sides of the split"
    test_tasks = [t for t in tasks if taskset.split_of(t, split) == "test"]
    assert len(test_tasks) >= 30 and len(tasks) - len(test_tasks) >= 100
    assert {t.family for t in test_tasks} == families, "a family with no test task"


def test_results_compare_across_engines():
    from pyspark.sql import Row

    assert normalise([Row(a=1, b="x")]) == [{"Row": {"a": 1, "b": "x"}}]
    assert taskset.same_result(normalise((1, 2.0000000001)), [1, 2.0])
    assert not taskset.same_result([1, 2.1], [1, 2.0])
    assert not taskset.same_result(1, True) and not taskset.same_result([1], [1, 1])
    assert taskset.code_from_reply("Sure:\n```python\nx = 1\n```\nDone.") == "x = 1\n"
    assert taskset.code_from_reply("x = 2\n") == "x = 2\n"


def test_the_judge_and_the_rules_on_connect(remote, tmp_path):
    out = tmp_path / "results.json"
    done = evaluate("--systems", "reference,original,rules", "--limit", str(SLICE), "--remote", remote,
                    "--out", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    rows = rows_by_system(out)
    reference, original, rules = rows["reference"], rows["original"], rows["rules"]
    assert reference["tasks"] == SLICE and reference["passed"] == SLICE, reference["outcomes"]
    assert original["passed"] == 0 and original["no_finding"] == 0
    assert len(rules["families"]) >= min(SLICE, 6)
    for task_id, outcome in rules["outcomes"].items():
        assert outcome["passed"] == (outcome["parses"] and not outcome["findings"] and outcome["same_result"])
        assert outcome["findings"] or not original["outcomes"][task_id]["passed"]
    assert rules["passed"] <= rules["no_finding"] <= rules["parses"] == SLICE
    # The table in docs/evaluation.md is written from the same rows.
    assert "| rules | - |" in done.stdout


def test_the_model_arms_with_the_real_local_model(remote, tmp_path, llm_model_server):  # noqa: F811
    out = tmp_path / "results.json"
    common = ["--limit", "2", "--remote", remote, "--out", str(out)]
    done = evaluate("--systems", "rules", *common)
    assert done.returncode == 0, done.stderr[-3000:]
    done = evaluate("--systems", "zero-shot,repair", "--llm-base-url", llm_model_server.capped_url,
                    "--llm-model", llm_model_server.alias, "--label", "smollm2", *common)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = rows_by_system(out)
    assert rows["zero-shot"]["model"] == rows["repair"]["model"] == "smollm2"
    for outcome in rows["zero-shot"]["outcomes"].values():
        assert outcome["tokens"] and outcome["tokens"] > 0
    # Whatever the model answered, the repair arm only applied validated rewrites on top of
    # the rules: it never has a finding the rules had not left.
    for task_id, outcome in rows["repair"]["outcomes"].items():
        assert set(outcome["findings"]) <= set(rows["rules"]["outcomes"][task_id]["findings"]), task_id
        assert outcome["parses"]


def test_the_repair_arm_asks_again_only_after_a_rejection(tmp_path, monkeypatch):
    import evaluate as harness

    asked = []

    def fake_binary(*args, timeout=600):
        asked.append(args[:2])
        return subprocess.CompletedProcess(args, 0, '{"suggestions": [{"status": "validated"}]}', "")

    monkeypatch.setattr(harness, "sparkmigrate", fake_binary)
    model = harness.Model("m", "openai", "http://127.0.0.1:9/v1", "m")
    task = taskset.load_tasks(["rdd"])[0]
    path = tmp_path / "candidate.py"
    accepted = harness.Candidate("answer = 1\n", 12.5, 300, "validated")
    # Nothing was rejected, so the repair loop would not have run: its answer is retrieval's.
    assert harness.make_candidate("repair", task, path, model, accepted) is accepted
    assert path.read_text() == "answer = 1\n" and asked == []
    # After a rejection the repair arm runs the rules and `fix --llm` with repairs itself.
    rejected = harness.Candidate(task.source, 12.5, 300, "rejected (no-code)")
    again = harness.make_candidate("repair", task, path, model, rejected)
    assert asked == [("fix", "--unsafe-fixes"), ("fix", "--llm")] and again.note == "validated"


def test_the_fine_tuned_model_is_named_after_its_base():
    import finetune

    assert finetune.model_name(Path("SmolLM2-135M-Instruct.Q4_1.gguf")) == "SmolLM2-135M-Instruct"
    assert finetune.model_name(Path("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")) == "qwen2.5-coder-1.5b-instruct"
