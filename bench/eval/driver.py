"""Runs migration tasks on one Spark engine and records what each returned.

A task is a Python file that defines ``run(spark)`` and returns plain values (lists, tuples,
dicts, Rows, numbers, strings). This driver is the task set's shared ``__main__``: it loads
each file as a fresh module, calls ``run`` with a session of the engine it was started for
(``classic``: local Spark with the test configuration; ``connect``: the server in
SPARK_REMOTE), and writes ``{task: {"ok", "result" | "error", "seconds"}}`` as JSON. Results
are normalised so that classic and Connect values compare equal (a Row becomes its fields).
It runs in its own process: classic Spark and Spark Connect cannot share one.

    python bench/eval/driver.py classic|connect OUT.json TASK.py...
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import signal
import sys
import time
import traceback

# Seconds one task may take before it is stopped and recorded as a failure.
TASK_TIMEOUT = int(os.environ.get("SPARKMIGRATE_EVAL_TASK_TIMEOUT", "120"))


def normalise(value):
    """A JSON value for a task's result; classic and Connect results normalise alike."""
    if hasattr(value, "__fields__") and isinstance(value, tuple):
        return {"Row": {k: normalise(v) for k, v in zip(value.__fields__, value)}}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {str(k): normalise(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, float) and not math.isfinite(value):
        return {"float": repr(value)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return {"repr": repr(value)}


class TaskTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise TaskTimeout(f"the task ran for more than {TASK_TIMEOUT} s")


def session(mode: str):
    from pyspark.sql import SparkSession

    if mode == "connect":
        return SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()
    builder = SparkSession.builder.master(os.environ.get("SPARKMIGRATE_EVAL_MASTER", "local[2]"))
    for key, val in json.loads(os.environ.get("SPARKMIGRATE_EVAL_CONF", "{}")).items():
        builder = builder.config(key, val)
    return builder.appName("sparkmigrate-eval").getOrCreate()


_base = None


def fresh_session(mode: str):
    """The driver's own session, made the active and default one again before each task, so
    a task that made another session current (newSession, a second builder) does not change
    what the next task sees. A session a task stopped is replaced."""
    global _base
    if mode == "connect":
        _base = session(mode)
        return _base
    from pyspark.sql import SparkSession

    if _base is None or _base.sparkContext._jsc is None:
        _base = session(mode)
    SparkSession._instantiatedSession = _base
    SparkSession._activeSession = _base
    jvm_session = _base._jvm.SparkSession  # the JVM's notion of the current session, too
    jvm_session.setActiveSession(_base._jsparkSession)
    jvm_session.setDefaultSession(_base._jsparkSession)
    # RDD.toDF is bound to the session constructed last (every SparkSession() rebinds it).
    from pyspark.sql import session as session_module

    session_module._monkey_patch_RDD(_base)
    return _base


def run_task(mode: str, path: str) -> dict:
    started = time.monotonic()
    name = "sparkmigrate_eval_task_" + os.path.basename(path)[:-3]
    signal.alarm(TASK_TIMEOUT)
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        entry = getattr(module, "run", None)
        if not callable(entry):
            raise TypeError("the task defines no run(spark) function")
        value = entry(fresh_session(mode))
        outcome = {"ok": True, "result": normalise(value)}
    except BaseException as error:  # noqa: BLE001 - a task may raise anything, even SystemExit
        if isinstance(error, KeyboardInterrupt):
            raise
        text = "".join(traceback.format_exception_only(type(error), error)).strip()
        outcome = {"ok": False, "error": text[:2000]}
    finally:
        signal.alarm(0)
        sys.modules.pop(name, None)
    outcome["seconds"] = round(time.monotonic() - started, 3)
    return outcome


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] not in ("classic", "connect"):
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    mode, out, paths = argv[0], argv[1], argv[2:]
    signal.signal(signal.SIGALRM, _alarm)
    results = {}
    for path in paths:
        results[os.path.basename(path)[:-3]] = run_task(mode, path)
    with open(out + ".part", "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=1, sort_keys=True)
    os.replace(out + ".part", out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
