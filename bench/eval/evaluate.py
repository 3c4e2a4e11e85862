"""Measures how well each migration system migrates the task set, on a real Spark Connect server.

Systems (``--systems``, comma-separated):

- ``rules``: sparkmigrate's rules alone (``fix --unsafe-fixes``).
- ``zero-shot``: the model alone, asked plainly for a Spark Connect version of the file (what a
  user gets from pasting the code into a chat); its answer is taken as is.
- ``retrieval``: the rules, then ``fix --llm --apply`` on what is left: sparkmigrate's prompt
  (the findings and the catalogue's documentation of their rules), every answer checked by the
  validator, no second chance (``--llm-repairs 0``).
- ``repair``: as ``retrieval``, with the validator's repair loop (``--llm-repairs 2``).
- ``reference`` and ``original``: the task set's own reference migrations and the unchanged
  originals, which check the judge itself (all pass; none passes).

A candidate passes when it parses, sparkmigrate finds nothing left in it (``check
--target-version 4.1``), it runs on Spark Connect and it returns what the original returned on
classic Spark (``expected.json``). A candidate that runs but returns something else is a wrong
answer: flagged when sparkmigrate still reports a finding in it, silent when it reports none.
Results merge into ``--out`` (one row per system and model, replaced when run again) and the
table in ``--markdown`` is rewritten from all of them.

The model is any backend sparkmigrate speaks (``--llm-backend``, ``--llm-base-url``,
``--llm-model``, ``--llm-api-key-env``; the zero-shot arm speaks OpenAI-compatible chat or
Anthropic messages), or a local GGUF served here by llama.cpp (``--serve smollm2|qwen|PATH``,
one inference thread). Candidate code from a model runs on this machine, in a temporary folder.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import taskset

sys.path.insert(0, str(taskset.ROOT / "scripts"))
import llm_server  # noqa: E402

MODEL_SYSTEMS = ("zero-shot", "retrieval", "repair")
SYSTEMS = ("rules", *MODEL_SYSTEMS, "reference", "original")
REPAIRS = {"retrieval": 0, "repair": 2}
REPLY_TIMEOUT = 900  # seconds for one model answer (Qwen on one CPU thread: 20-120 s)


@dataclass
class Model:
    label: str            # how the results name it
    backend: str          # openai, anthropic or ollama
    base_url: str
    name: str
    api_key_env: str = ""
    metrics_url: str = ""  # llama.cpp's GET /metrics, for token counts of the binary's requests
    max_tokens: int | None = None  # the answer's token limit (None: 2,048 zero-shot, the binary's own)


@dataclass
class Candidate:
    text: str | None      # None: no answer (a transport error, or nothing came back)
    seconds: float = 0.0
    tokens: int | None = None
    note: str = ""


# --- the systems --------------------------------------------------------------------------

def sparkmigrate(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([taskset.binary(), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def apply_rules(path: Path) -> None:
    proc = sparkmigrate("fix", "--unsafe-fixes", "--isolated", "--target-version", taskset.TARGET_VERSION,
                        str(path))
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"fix failed on {path}: {proc.stderr.strip()}")


def token_counter(model: Model) -> int | None:
    """Tokens the local server has processed and generated so far (None: not available)."""
    if not model.metrics_url:
        return None
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(model.metrics_url, timeout=10) as reply:
        text = reply.read().decode()
    total = 0
    for name in ("llamacpp:prompt_tokens_total", "llamacpp:tokens_predicted_total"):
        found = re.search(rf"^{re.escape(name)}\s+([0-9.e+]+)$", text, re.M)
        total += int(float(found.group(1))) if found else 0
    return total


def ask_chat(model: Model, messages: list[dict]) -> tuple[str, int | None]:
    """One chat request to the backend; the reply's text and its token count."""
    key = os.environ.get(model.api_key_env, "") if model.api_key_env else ""
    headers = {"Content-Type": "application/json"}
    base = model.base_url.rstrip("/")
    if model.backend == "anthropic":
        system = "\n".join(m["content"] for m in messages if m["role"] == "system")
        body = {"model": model.name, "max_tokens": model.max_tokens or 2048, "system": system,
                "messages": [m for m in messages if m["role"] != "system"]}
        url = base + "/messages"
        headers["anthropic-version"] = "2023-06-01"
        if key:
            headers["x-api-key"] = key
    else:  # OpenAI-compatible chat: llama.cpp, vLLM, OpenAI, Ollama's /v1
        body = {"model": model.name, "messages": messages, "max_tokens": model.max_tokens or 2048,
                "temperature": 0}
        url = base + "/chat/completions"
        if key:
            headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    handlers = [urllib.request.ProxyHandler({})] if url.startswith("http://127.0.0.1") else []
    with urllib.request.build_opener(*handlers).open(request, timeout=REPLY_TIMEOUT) as reply:
        answer = json.loads(reply.read())
    usage = answer.get("usage") or {}
    if model.backend == "anthropic":
        text = "".join(part.get("text", "") for part in answer.get("content", []))
        tokens = usage.get("input_tokens", 0) + usage.get("output_tokens", 0) if usage else None
    else:
        text = answer["choices"][0]["message"].get("content") or ""
        tokens = usage.get("total_tokens") if usage else None
    return text, tokens


def llm_flags(model: Model, repairs: int) -> list[str]:
    flags = ["--llm-backend", model.backend, "--llm-base-url", model.base_url, "--llm-model", model.name,
             "--llm-repairs", str(repairs), "--llm-timeout", str(REPLY_TIMEOUT), "--llm-no-stream"]
    flags += ["--llm-max-tokens", str(model.max_tokens)] if model.max_tokens else []
    return flags + (["--llm-api-key-env", model.api_key_env] if model.api_key_env else [])


def make_candidate(system: str, task: taskset.Task, path: Path, model: Model | None,
                   retrieval: Candidate | None = None) -> Candidate:
    """Writes the system's migration of the task at `path`; returns what it cost. `retrieval` is
    the retrieval arm's answer to the same task in this run: the repair loop runs only after a
    rejection, so where nothing was rejected the repair arm's answer is that one, not asked again."""
    started = time.monotonic()
    if system == "repair" and retrieval is not None and retrieval.text is not None \
            and "rejected" not in retrieval.note:
        path.write_text(retrieval.text, encoding="utf-8")
        return retrieval
    if system == "reference":
        path.write_text(task.solution, encoding="utf-8")
        return Candidate(task.solution)
    path.write_text(task.source, encoding="utf-8")
    if system == "original":
        return Candidate(task.source)
    if system == "zero-shot":
        try:
            reply, tokens = ask_chat(model, taskset.zero_shot_messages(task.source))
        except (OSError, ValueError, KeyError, IndexError) as error:
            return Candidate(None, time.monotonic() - started, None, f"no answer: {error}"[:300])
        code = taskset.code_from_reply(reply)
        path.write_text(code, encoding="utf-8")
        return Candidate(code, time.monotonic() - started, tokens)
    apply_rules(path)
    note = ""
    tokens = None
    if system in REPAIRS:
        before = token_counter(model)
        proc = sparkmigrate("fix", "--llm", "--apply", "--isolated", "--no-cache", "--target-version",
                            taskset.TARGET_VERSION, "--output-format", "json", *llm_flags(model, REPAIRS[system]),
                            str(path), timeout=REPLY_TIMEOUT * 8)
        after = token_counter(model)
        tokens = after - before if before is not None and after is not None else None
        if proc.returncode == 2:
            raise RuntimeError(f"fix --llm: {proc.stderr.strip()}")
        try:
            suggestions = json.loads(proc.stdout)["suggestions"] if proc.stdout.strip() else []
        except (ValueError, KeyError):
            suggestions = []
        note = ", ".join(s["status"] if s["status"] == "validated" else f"rejected ({s.get('reason_kind')})"
                         for s in suggestions)
    return Candidate(path.read_text(encoding="utf-8"), time.monotonic() - started, tokens, note)


# --- judging ------------------------------------------------------------------------------

def parses(text: str | None) -> bool:
    if text is None:
        return False
    try:
        ast.parse(text)
        return True
    except (SyntaxError, ValueError):
        return False


def evaluate(system: str, model: Model | None, tasks: list[taskset.Task], expected: dict, work: Path,
             remote: str, answers: dict) -> dict:
    """Judges the system on the tasks; `answers` collects its candidates by (system, task id)."""
    folder = work / (system + ("-" + model.label if model else ""))
    folder.mkdir(parents=True)
    outcomes, files = {}, {}
    for index, task in enumerate(tasks, 1):
        path = folder / (task.id.replace("/", "__") + ".py")
        candidate = make_candidate(system, task, path, model, answers.get(("retrieval", task.id)))
        answers[(system, task.id)] = candidate
        ok_syntax = parses(candidate.text)
        left = [f["code"] for f in taskset.findings(path)] if ok_syntax else []
        outcomes[task.id] = {"parses": ok_syntax, "findings": sorted(set(left)),
                             "seconds": round(candidate.seconds, 2), "tokens": candidate.tokens,
                             "changed": candidate.text is not None and candidate.text != task.source}
        if candidate.note:
            outcomes[task.id]["note"] = candidate.note
        if ok_syntax:
            files[task.id] = path
        print(f"  [{index}/{len(tasks)}] {system} {task.id}: "
              f"{'parses' if ok_syntax else 'does not parse'}, {len(left)} findings"
              f"{', ' + candidate.note if candidate.note else ''}", flush=True)
    ran = taskset.run_on_engine("connect", files, folder / "run", remote) if files else {}
    for task in tasks:
        outcome = outcomes[task.id]
        there = ran.get(task.id)
        outcome["runs"] = bool(there and there["ok"])
        outcome["same_result"] = bool(outcome["runs"] and taskset.same_result(there["result"],
                                                                            expected[task.id]["result"]))
        if there and not there["ok"]:
            outcome["error"] = there["error"].splitlines()[-1][:300]
        outcome["passed"] = outcome["parses"] and not outcome["findings"] and outcome["same_result"]
    return outcomes


def summarise(system: str, model: Model | None, outcomes: dict, tasks: list[taskset.Task]) -> dict:
    n = len(outcomes)

    def count(predicate):
        return sum(1 for o in outcomes.values() if predicate(o))

    tokens = [o["tokens"] for o in outcomes.values() if o["tokens"] is not None]
    families = {}
    for task in tasks:
        fam = families.setdefault(task.family, {"tasks": 0, "passed": 0})
        fam["tasks"] += 1
        fam["passed"] += int(outcomes[task.id]["passed"])
    return {
        "system": system, "model": model.label if model else None, "tasks": n,
        "passed": count(lambda o: o["passed"]),
        "parses": count(lambda o: o["parses"]),
        "no_finding": count(lambda o: o["parses"] and not o["findings"]),
        "runs": count(lambda o: o["runs"]),
        # A wrong result with a finding left is flagged to the user; without one, nothing tells.
        "wrong_flagged": count(lambda o: o["runs"] and not o["same_result"] and o["findings"]),
        "silent_wrong": count(lambda o: o["runs"] and not o["same_result"] and not o["findings"]),
        "mean_seconds": round(sum(o["seconds"] for o in outcomes.values()) / n, 2) if n else 0,
        "mean_tokens": round(sum(tokens) / len(tokens)) if tokens else None,
        "families": families,
        "outcomes": outcomes,
    }


# --- the report ---------------------------------------------------------------------------

BEGIN, END = "<!-- evaluate.py: begin -->", "<!-- evaluate.py: end -->"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% ({part}/{whole})" if whole else "-"


def markdown(results: dict) -> str:
    rows = [r for r in results["rows"] if r["system"] not in ("reference", "original")]
    lines = ["| system | model | pass on Connect | parses | no finding left | runs | wrong, flagged | "
             "silent wrong | mean s | mean tokens |", "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        n = r["tasks"]
        lines.append(f"| {r['system']} | {r['model'] or '-'} | **{percent(r['passed'], n)}** | "
                     f"{percent(r['parses'], n)} | {percent(r['no_finding'], n)} | {percent(r['runs'], n)} | "
                     f"{percent(r['wrong_flagged'], n)} | {percent(r['silent_wrong'], n)} | {r['mean_seconds']} | {r['mean_tokens'] or '-'} |")
    families = sorted({f for r in rows for f in r["families"]})
    lines += ["", "Pass rate by family:", "",
              "| system | model | " + " | ".join(families) + " |", "|---|---|" + "---|" * len(families)]
    for r in rows:
        cells = [percent(r["families"][f]["passed"], r["families"][f]["tasks"]) if f in r["families"] else "-"
                 for f in families]
        lines.append(f"| {r['system']} | {r['model'] or '-'} | " + " | ".join(cells) + " |")
    checks = [r for r in results["rows"] if r["system"] in ("reference", "original")]
    if checks:
        lines += ["", "The judge's own check: " + "; ".join(
            f"{r['system']} {percent(r['passed'], r['tasks'])} pass" for r in checks) + "."]
    return "\n".join(lines)


def write_markdown(path: Path, results: dict) -> None:
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{path} has no `{BEGIN}` ... `{END}` block for the table")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    meta = results["meta"]
    table = (f"{BEGIN}\n_Written by `bench/eval/evaluate.py` on {meta['date']} at commit {meta['commit']}; "
             f"{meta['split']} split, Spark Connect {meta['spark']}, target {taskset.TARGET_VERSION}._\n\n"
             f"{markdown(results)}\n{END}")
    path.write_text(head + table + tail, encoding="utf-8")


# --- main ---------------------------------------------------------------------------------

def local_model(spec: str, alias: str, work: Path):
    """Serves a GGUF here (smollm2, qwen or a path); returns (Model, process)."""
    path = spec
    if spec == "qwen":
        path = subprocess.run(["bash", str(taskset.ROOT / "scripts" / "fetch_qwen.sh")], check=True,
                              capture_output=True, text=True).stdout.strip()
    proc, port, url = llm_server.launch(path, alias, work / f"{alias}.log", ready_timeout=600, metrics=True)
    return Model(alias, "openai", url, alias, metrics_url=f"http://127.0.0.1:{port}/metrics"), proc


def commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=taskset.ROOT, capture_output=True, text=True)
    return proc.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--systems", default="rules", help=f"comma-separated: {', '.join(SYSTEMS)}")
    parser.add_argument("--split", default="test", choices=("test", "train", "all"))
    parser.add_argument("--families", help="only these families (comma-separated)")
    parser.add_argument("--tasks", help="only these task ids (comma-separated)")
    parser.add_argument("--limit", type=int, help="at most this many tasks (spread over the families)")
    parser.add_argument("--serve", help="serve a local GGUF for the model arms: smollm2, qwen or a path")
    parser.add_argument("--label", help="the model's name in the results (default: the alias or model)")
    parser.add_argument("--llm-backend", default="openai", choices=("openai", "anthropic", "ollama"))
    parser.add_argument("--llm-base-url")
    parser.add_argument("--llm-model")
    parser.add_argument("--llm-api-key-env", default="")
    parser.add_argument("--max-tokens", type=int, help="the model's answer limit in tokens")
    parser.add_argument("--remote", help="a running Spark Connect server (default: start one)")
    parser.add_argument("--out", type=Path, help="results JSON to merge into")
    parser.add_argument("--markdown", type=Path, help="rewrite the table in this Markdown file")
    args = parser.parse_args(argv)

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        parser.error(f"unknown systems: {', '.join(unknown)}")
    expected = json.loads(taskset.EXPECTED.read_text())
    split = json.loads(taskset.SPLIT.read_text())
    families = args.families.split(",") if args.families else None
    tasks = [t for t in taskset.load_tasks(families) if t.id in expected]
    if args.split != "all":
        tasks = [t for t in tasks if taskset.split_of(t, split) == args.split]
    if args.tasks:
        tasks = [t for t in tasks if t.id in args.tasks.split(",")]
    if args.limit is not None:  # the first of each family, then the second...: a small slice covers them
        rank = {}
        for t in tasks:
            rank[t.id] = sum(1 for u in tasks if u.family == t.family and u.id < t.id)
        tasks = sorted(tasks, key=lambda t: (rank[t.id], t.family))[:args.limit]
    if not tasks:
        parser.error("no task selected")

    with tempfile.TemporaryDirectory(prefix="sparkmigrate-eval-") as tmp:
        work = Path(tmp)
        model, model_proc, server = None, None, None
        try:
            if any(s in MODEL_SYSTEMS for s in systems):
                if args.serve:
                    alias = args.label or Path(args.serve).stem
                    model, model_proc = local_model(args.serve, alias, work)
                    model.max_tokens = args.max_tokens
                elif args.llm_base_url and args.llm_model:
                    model = Model(args.label or args.llm_model, args.llm_backend, args.llm_base_url,
                                  args.llm_model, args.llm_api_key_env, max_tokens=args.max_tokens)
                else:
                    parser.error("the model systems need --serve, or --llm-base-url and --llm-model")
            remote = args.remote
            if not remote:
                server = taskset.spark_server().SparkConnectServer(work / "spark")
                server.start()
                remote = server.url
            rows = []
            run_info = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d"), "commit": commit(),
                        "split": args.split}
            answers = {}
            for system in systems:
                arm_model = model if system in MODEL_SYSTEMS else None
                print(f"{system}{' / ' + arm_model.label if arm_model else ''}: {len(tasks)} tasks", flush=True)
                outcomes = evaluate(system, arm_model, tasks, expected, work, remote, answers)
                rows.append(summarise(system, arm_model, outcomes, tasks))
                rows[-1]["run"] = run_info
                r = rows[-1]
                print(f"{system}: {r['passed']}/{r['tasks']} pass, {r['silent_wrong']} silent wrong", flush=True)
        finally:
            if server:
                server.stop()
            if model_proc:
                llm_server.stop_child(model_proc)

    import pyspark

    meta = {**run_info, "spark": pyspark.__version__, "tasks": len(tasks)}
    results = {"meta": meta, "rows": rows}
    if args.out:
        if args.out.exists():
            old = json.loads(args.out.read_text())
            keep = [r for r in old.get("rows", [])
                    if (r["system"], r["model"]) not in {(n["system"], n["model"]) for n in rows}]
            results["rows"] = keep + rows
        order = {s: i for i, s in enumerate(SYSTEMS)}
        results["rows"].sort(key=lambda r: (order[r["system"]], r["model"] or ""))
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if args.markdown:
        write_markdown(args.markdown, results)
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
