"""Records the truth of the task set: what each original returns on classic local Spark.

Also runs each original on a real Spark Connect server and notes how it behaves there
(``fails``, ``differs`` or ``same``), checks that sparkmigrate reports the task's catalogue
entry, and proves the task solvable: its reference migration (``solutions/``) has no finding
and returns the classic result on Spark Connect. Writes ``expected.json``; prints every task that cannot serve as a task (it
fails on classic Spark, or its entry is not reported).

    python bench/eval/record.py [--family F ...] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import taskset


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--dry-run", action="store_true", help="report, but do not write expected.json")
    parser.add_argument("--no-connect", action="store_true", help="skip running the originals on Connect")
    args = parser.parse_args()
    tasks = taskset.load_tasks(args.family)
    problems = []
    for task in tasks:
        codes = {f["code"] for f in taskset.findings(task.path)}
        if task.entry not in codes:
            problems.append(f"{task.id}: {task.entry} not reported (found: {', '.join(sorted(codes)) or 'nothing'})")
        if not task.solution_path.exists():
            problems.append(f"{task.id}: no reference migration at {task.solution_path}")
            continue
        left = sorted({f["code"] for f in taskset.findings(task.solution_path)})
        if left:
            problems.append(f"{task.id}: the reference migration still has findings: {', '.join(left)}")
    with tempfile.TemporaryDirectory(prefix="sparkmigrate-record-") as tmp:
        work = Path(tmp)
        files = {t.id: t.path for t in tasks}
        classic = taskset.run_on_engine("classic", files, work)
        connect, solved = {}, {}
        if not args.no_connect:
            server = taskset.spark_server().SparkConnectServer(work / "server")
            server.start()
            try:
                connect = taskset.run_on_engine("connect", files, work, server.url)
                solutions = {t.id: t.solution_path for t in tasks if t.solution_path.exists()}
                solved = taskset.run_on_engine("connect", solutions, work / "solutions", server.url)
            finally:
                server.stop()
    expected = json.loads(taskset.EXPECTED.read_text()) if taskset.EXPECTED.exists() else {}
    for task in tasks:
        outcome = classic[task.id]
        if not outcome["ok"]:
            problems.append(f"{task.id}: fails on classic Spark: {outcome['error']}")
            expected.pop(task.id, None)
            continue
        record = {"family": task.family, "entry": task.entry, "result": outcome["result"]}
        if task.id in connect:
            there = connect[task.id]
            record["original_on_connect"] = ("fails" if not there["ok"] else
                                             "same" if taskset.same_result(there["result"], outcome["result"])
                                             else "differs")
            if not there["ok"]:
                record["connect_error"] = there["error"].splitlines()[0][:300]
        if task.id in solved:
            mine = solved[task.id]
            if not mine["ok"]:
                problems.append(f"{task.id}: the reference migration fails on Connect: {mine['error']}")
            elif not taskset.same_result(mine["result"], outcome["result"]):
                problems.append(f"{task.id}: the reference migration returns {mine['result']!r} on Connect, "
                                f"classic returns {outcome['result']!r}")
        expected[task.id] = record
    for line in problems:
        print(line)
    counts = {}
    for task in tasks:
        if task.id in expected:
            key = expected[task.id].get("original_on_connect", "?")
            counts[key] = counts.get(key, 0) + 1
    print(f"{len(tasks)} tasks; {len(problems)} problems; originals on Connect: {counts}")
    if not args.dry_run:
        text = json.dumps(dict(sorted(expected.items())), indent=1, sort_keys=True) + "\n"
        taskset.EXPECTED.write_text(text, encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
