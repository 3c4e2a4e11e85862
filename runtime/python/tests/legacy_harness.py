"""Runs legacy PySpark scripts one after another in this process and records their output.

    python legacy_harness.py PLAN.json RESULTS.json

PLAN.json is a list of {"name", "script", "args"}; RESULTS.json maps each name to
{"stdout": what the script printed, "error": null or {"type", "message"}}. test_legacy.py
uses it to run every legacy script on classic local Spark in one JVM, and on Spark Connect
without the shim in one client process. Between scripts the shared session is reset (temporary
views, cached data and SQL settings) so that one script does not leak into the next, without
paying for a new SparkContext each time.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import runpy
import sys


def _reset_spark() -> None:
    """Drop what a script left in the shared session: temp views, cached data, SQL settings."""
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    if session is None:
        return
    session.catalog.clearCache()
    for table in session.catalog.listTables():
        if table.isTemporary:
            session.catalog.dropTempView(table.name)
    session.sql("RESET")


def run_script(script: str, args: list[str]) -> dict:
    saved_argv, script_dir = sys.argv, os.path.dirname(os.path.abspath(script))
    sys.argv = [script, *args]
    sys.path.insert(0, script_dir)
    output = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(output):
            runpy.run_path(script, run_name="__main__")
    except Exception as exc:  # the script's failure is the result
        error = {"type": type(exc).__name__, "message": str(exc)}
    finally:
        sys.argv = saved_argv
        sys.path.remove(script_dir)  # only ours: Spark itself may have extended sys.path
        _reset_spark()
    return {"stdout": output.getvalue(), "error": error}


def main(plan_path: str, results_path: str) -> None:
    with open(plan_path, encoding="utf-8") as stream:
        plan = json.load(stream)
    results = {entry["name"]: run_script(entry["script"], entry["args"]) for entry in plan}
    with open(results_path, "w", encoding="utf-8") as stream:
        json.dump(results, stream, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
