"""The migration task set: where tasks live, what they test, and how their runs are judged.

Tasks are files ``tasks/<family>/<name>.py`` that define ``run(spark)``; each family folder
has ``entries.json`` naming the catalogue entry (rule code) each task exercises. The split
into train and test is by entry and is fixed in ``split.json`` (an entry's tasks are all on
one side). ``expected.json`` holds what each original returned on classic local Spark
(``record.py`` writes it): the truth a migration is judged against. This module is shared by
the recorder, the evaluation (``evaluate.py``) and the fine-tuning export.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TASKS = HERE / "tasks"
SOLUTIONS = HERE / "solutions"  # a reference migration per task, same layout as tasks/
SPLIT = HERE / "split.json"
EXPECTED = HERE / "expected.json"
DRIVER = HERE / "driver.py"
# The Spark Connect version the evaluation targets: the server pyspark ships here (4.1).
TARGET_VERSION = "4.1"



def spark_server():
    """runtime/python/tests/spark_server.py: the local Spark Connect server and the test
    configuration classic runs share with it (imported when a Spark run needs it)."""
    sys.path.insert(0, str(ROOT / "runtime" / "python" / "tests"))
    import spark_server as module

    return module


@dataclass(frozen=True)
class Task:
    id: str        # "<family>/<name>"
    family: str
    entry: str     # the catalogue entry (rule code) it exercises
    path: Path

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def solution_path(self) -> Path:
        return SOLUTIONS / self.family / self.path.name

    @property
    def solution(self) -> str:
        return self.solution_path.read_text(encoding="utf-8")


def load_tasks(families: list[str] | None = None) -> list[Task]:
    """Every task (or those of the given families), checked against its folder's entries.json."""
    tasks = []
    for folder in sorted(p for p in TASKS.iterdir() if p.is_dir() and (not families or p.name in families)):
        entries = json.loads((folder / "entries.json").read_text())
        files = {p.stem for p in folder.glob("*.py")}
        if set(entries) != files:
            raise ValueError(f"{folder}/entries.json and the task files differ: "
                             f"{sorted(set(entries) ^ files)}")
        for name in sorted(entries):
            tasks.append(Task(f"{folder.name}/{name}", folder.name, entries[name], folder / f"{name}.py"))
    return tasks


def split_of(task: Task, split: dict | None = None) -> str:
    split = split if split is not None else json.loads(SPLIT.read_text())
    return "test" if task.entry in split["test_entries"] else "train"


def same_result(a, b) -> bool:
    """Equal results, floats compared to nine significant digits."""
    if isinstance(a, float) or isinstance(b, float):
        return (isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool)
                and not isinstance(b, bool) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_result(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_result(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def run_on_engine(mode: str, files: dict[str, Path], work: Path, remote: str | None = None,
                  timeout: float = 3600) -> dict:
    """Runs task files (id -> path) in one driver process; returns id -> outcome."""
    work.mkdir(parents=True, exist_ok=True)
    # The driver names results by file stem: lay the files out under unique stems.
    staged = work / f"{mode}-files"
    staged.mkdir(exist_ok=True)
    stems = {}
    for task_id, path in files.items():
        stem = task_id.replace("/", "__")
        (staged / f"{stem}.py").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        stems[stem] = task_id
    out = work / f"{mode}-results.json"
    spark = spark_server()
    env = spark.spark_environment()
    env["SPARKMIGRATE_EVAL_CONF"] = json.dumps(spark.LOCAL_SPARK_CONF)
    env["SPARKMIGRATE_EVAL_MASTER"] = spark.LOCAL_MASTER
    if remote:
        env["SPARK_REMOTE"] = remote
    command = [sys.executable, str(DRIVER), mode, str(out), *(str(staged / f"{s}.py") for s in stems)]
    proc = subprocess.run(command, env=env, cwd=work, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"the {mode} driver failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    raw = json.loads(out.read_text())
    return {stems[stem]: outcome for stem, outcome in raw.items()}


def binary() -> str:
    return os.path.abspath(os.environ.get("SPARKMIGRATE_BIN", str(ROOT / "build" / "sparkmigrate")))


def findings(path: Path) -> list[dict]:
    """sparkmigrate's findings in one file under the evaluation's settings."""
    proc = subprocess.run([binary(), "check", "--isolated", "--target-version", TARGET_VERSION,
                           "--output-format", "json", str(path)],
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"check failed on {path}: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def zero_shot_messages(source: str) -> list[dict]:
    """The plain request a user would send any chat model (also the fine-tuning prompt)."""
    return [
        {"role": "system", "content": "You are an expert PySpark engineer."},
        {"role": "user", "content":
            f"This PySpark code was written for classic Spark. Rewrite it so that it runs on "
            f"Spark Connect {TARGET_VERSION} and returns exactly the same result. Keep the function "
            f"`run(spark)`. Reply with the complete rewritten file in one ```python code block "
            f"and nothing else.\n\n```python\n{source.rstrip()}\n```"},
    ]


def code_from_reply(reply: str) -> str:
    """The code in a chat reply: its first ```python block, else its first fenced block,
    else the whole reply."""
    for opener in ("```python", "```py", "```"):
        start = reply.find(opener)
        if start < 0:
            continue
        start = reply.find("\n", start)
        if start < 0:
            continue
        end = reply.find("```", start + 1)
        return reply[start + 1:end if end >= 0 else len(reply)]
    return reply
