"""Runs corpus jobs one after another in ONE process on one engine and records what each printed.

    python test/corpus/harness.py --engine classic|connect [--runtime shim|rewrite] PLAN.json RESULTS.json

PLAN.json is a list of {"name", "entry"}: ``entry`` is the job's .py file (or a multi-module
job's main.py). RESULTS.json maps each name to {"stdout": what the job printed,
"error": null or {"type", "message"}, "seconds": wall time including the reset after it}.
A job's failure is its result; the run never aborts.

Each job runs as ``__main__`` (runpy) with ``sys.argv == [entry]``, its own folder first on
sys.path, and stdout captured. Afterwards the modules it imported from its folder are dropped
from sys.modules (two jobs' ``session.py`` never collide) and logging handlers it added are
removed.

classic: jobs build their own session or context (``SparkSession.builder...getOrCreate()``,
``SparkContext(conf=...)``, ``SQLContext(sc)``...) in one JVM. A SparkContext (with its
Python workers) costs seconds to start, so the harness runs a shared one (LOCAL_MASTER and
LOCAL_SPARK_CONF from runtime/python/tests/spark_server.py, through PYSPARK_SUBMIT_ARGS, so
classic partitions like the test server) that jobs pick up as they would a running one:
- ``SparkSession.builder...getOrCreate()`` and ``SparkContext.getOrCreate()`` return it (the
  builder's SQL settings apply; its master and static settings do not, as with any running
  context);
- during a job, ``SparkContext.stop()`` and ``SparkSession.stop()`` only take note;
- ``SparkContext.getOrCreate(conf)`` stops it and starts the job's own context with that conf;
- a job that constructs its own SparkContext (``Cannot run multiple SparkContexts at once``)
  is run again from the start with no shared context and real stops;
- a context of the job's own is stopped after the job; the shared one starts again for the
  next job.
So jobs must not print what depends on who started the context (app name, master).

--runtime (connect only) runs the jobs with the runtime shim (runtime/python) active for every
session, as ``python -m sparkmigrate_runtime`` would: ``shim`` intercepts; ``rewrite`` also
compiles each job's own modules (its folder) from ``sparkmigrate fix --unsafe-fixes``'s output
(SPARKMIGRATE_BIN, cache in SPARKMIGRATE_RUNTIME_CACHE), what is left intercepted.

connect: SPARK_REMOTE (required in the environment) points at a running Spark Connect
server; SPARK_CONNECT_MODE_ENABLED is set up front, as in a Connect-only client, so a job that
builds a SparkContext fails instead of starting a local JVM. After each job the harness stops
the client session, so the next job gets a fresh one.

The reset after each job on classic: cache cleared; temporary and global temporary views,
tables and databases other than ``default`` dropped; SQL settings back to their defaults
(``RESET``). On Connect, ending the session drops its temporary views and settings; jobs must
not leave tables, databases or global temporary views behind (the original and fixed runs
share one server catalog at the same time).

A job still running after JOB_WATCHDOG seconds (a hang) ends the run: every thread's stack is
dumped to stderr and the process exits with status 1, leaving RESULTS.json with the jobs
before it. ``kill -USR1`` dumps the stacks at any time.

Run it with the same interpreter as the tests, with an environment like
``spark_environment()`` (no PYTHONPATH, PYSPARK_SUBMIT_ARGS, SPARK_REMOTE leaking in).
"""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import gc
import io
import json
import logging
import os
import runpy
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "runtime" / "python" / "tests"))
from spark_server import LOCAL_MASTER, LOCAL_SPARK_CONF  # noqa: E402

sys.path.pop(0)  # jobs must not see the test helpers

JOB_WATCHDOG = 300.0


def configure(engine: str) -> None:
    if engine == "classic":
        args = ["--master", LOCAL_MASTER]
        for key, value in LOCAL_SPARK_CONF.items():
            args += ["--conf", f"{key}={value}"]
        os.environ["PYSPARK_SUBMIT_ARGS"] = " ".join(args + ["pyspark-shell"])
        os.environ.pop("SPARK_REMOTE", None)
    else:
        if not os.environ.get("SPARK_REMOTE"):
            raise SystemExit("harness: --engine connect needs SPARK_REMOTE=sc://host:port")
        os.environ["SPARK_CONNECT_MODE_ENABLED"] = "1"


def stop_classic() -> None:
    """Stop the active session and SparkContext, keeping the JVM gateway for the next job."""
    from pyspark import SparkContext
    from pyspark.sql import SparkSession, SQLContext

    session = SparkSession._instantiatedSession
    if session is not None:
        session.stop()
    if SparkContext._active_spark_context is not None:
        SparkContext._active_spark_context.stop()
    SparkSession._instantiatedSession = None
    SparkSession._activeSession = None
    SQLContext._instantiatedContext = None


def reset_catalog(session) -> None:
    """Drop what a job left in the session's catalog and settings (SQL commands: the Catalog
    API's listings cost far more)."""
    session.catalog.clearCache()
    for row in session.sql("SHOW DATABASES").collect():
        if row[0] != "default":
            session.sql(f"DROP DATABASE IF EXISTS `{row[0]}` CASCADE")
    for row in session.sql("SHOW TABLES IN default").collect():
        if not row.isTemporary:
            try:
                session.sql(f"DROP TABLE IF EXISTS default.`{row.tableName}`")
            except Exception:  # a persistent view
                session.sql(f"DROP VIEW IF EXISTS default.`{row.tableName}`")
    for row in session.sql("SHOW TABLES IN global_temp").collect():  # global and local temp views
        if row.namespace == "global_temp":
            session.catalog.dropGlobalTempView(row.tableName)
        else:
            session.catalog.dropTempView(row.tableName)
    session.sql("RESET")


_shared = None  # the shared classic SparkContext


def start_shared():
    """Start the shared SparkContext unless a context is running."""
    global _shared
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    if SparkContext._active_spark_context is None:
        _shared = SparkSession.builder.getOrCreate().sparkContext


def reset_classic() -> None:
    """Reset the shared context's session state after a job; stop a context of the job's own."""
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    context = SparkContext._active_spark_context
    if context is None or context is not _shared:
        stop_classic()
        return
    session = SparkSession._instantiatedSession
    if session is None or session._sc is not context:
        session = SparkSession(context)
    reset_catalog(session)


def reset_connect() -> None:
    """End the job's Connect session: its temporary views and SQL settings go with it. (The
    server's catalog is shared by all sessions, but every catalog call is a round trip, so jobs
    leave no tables, databases or global temporary views behind instead: see the README.)"""
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    if session is not None:
        session.stop()
    if RUNTIME:
        import sparkmigrate_runtime

        sparkmigrate_runtime.reset()  # the records of one job


def error_of(exc: BaseException) -> dict:
    return {"type": type(exc).__name__, "message": str(exc)[:4000]}


@contextlib.contextmanager
def sharing(active: bool):
    """While active (a classic job on the shared context), SparkContext.stop() and
    SparkSession.stop() do nothing, and SparkContext.getOrCreate(conf) replaces the shared
    context with one of the job's own."""
    if not active:
        yield
        return
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    stops = SparkContext.stop, SparkSession.stop
    saved_get_or_create = SparkContext.__dict__["getOrCreate"]  # the classmethod itself
    get_or_create = SparkContext.getOrCreate  # bound to the class

    def own_context(cls, conf=None):
        if conf is not None and SparkContext._active_spark_context is _shared:
            SparkContext.stop, SparkSession.stop = stops
            try:
                stop_classic()
            finally:
                SparkContext.stop = SparkSession.stop = lambda self: None
        return get_or_create(conf)

    SparkContext.stop = SparkSession.stop = lambda self: None
    SparkContext.getOrCreate = classmethod(own_context)
    try:
        yield
    finally:
        SparkContext.stop, SparkSession.stop = stops
        SparkContext.getOrCreate = saved_get_or_create


RUNTIME: str | None = None  # --runtime


def start_runtime(mode: str) -> None:
    global RUNTIME
    sys.path.append(str(ROOT / "runtime" / "python" / "src"))
    os.environ["SPARKMIGRATE_RUNTIME"] = "shim"  # every session; rewriting is per job (attempt)
    import sparkmigrate_runtime  # noqa: F401  (activates from the environment)

    RUNTIME = mode


def run_entry(entry: str) -> None:
    if RUNTIME != "rewrite":
        runpy.run_path(entry, run_name="__main__")
        return
    from sparkmigrate_runtime import rewrite

    rewriter = rewrite.enable([os.path.dirname(entry)], unsafe=True)
    try:
        rewrite.run_script(entry, rewriter)
    finally:
        rewrite.disable()


def attempt(entry: str, engine: str, shared: bool) -> dict:
    """Run the job once, then reset what it left (see the module's docstring)."""
    folder = os.path.dirname(entry)
    saved_argv, saved_modules = sys.argv, set(sys.modules)
    saved_handlers = list(logging.getLogger().handlers)
    sys.argv = [entry]
    sys.path.insert(0, folder)
    output = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(output), sharing(shared):
            run_entry(entry)
    except SystemExit as exc:
        if exc.code not in (0, None):
            error = error_of(exc)
    except BaseException as exc:  # the job's failure is its result
        error = error_of(exc)
    finally:
        sys.argv = saved_argv
        sys.path.remove(folder)
        for name in set(sys.modules) - saved_modules:
            path = getattr(sys.modules[name], "__file__", None) or ""
            if os.path.abspath(path).startswith(folder + os.sep):
                del sys.modules[name]
        root = logging.getLogger()
        for handler in list(root.handlers):
            if handler not in saved_handlers:
                root.removeHandler(handler)
        try:
            reset_classic() if engine == "classic" else reset_connect()
        except Exception as exc:
            error = error or {"type": "HarnessResetError", "message": str(exc)[:4000]}
            if engine == "classic":
                stop_classic()
        # Finalise the job's dead sessions now, between jobs: a Connect session's __del__ shuts
        # down the client's shared release thread pool, and the cyclic collector running it in
        # the middle of a later RPC (inside that pool's submit) deadlocks the process.
        gc.collect()
    return {"stdout": output.getvalue(), "error": error}


def run_job(entry: str, engine: str) -> dict:
    started = time.monotonic()
    entry = os.path.abspath(entry)
    faulthandler.dump_traceback_later(JOB_WATCHDOG, exit=True)
    classic = engine == "classic"
    if classic:
        start_shared()
    result = attempt(entry, engine, shared=classic)
    if classic and result["error"] and "Cannot run multiple SparkContexts" in result["error"]["message"]:
        stop_classic()  # the job builds its own SparkContext: give it the chance
        result = attempt(entry, engine, shared=False)
    faulthandler.cancel_dump_traceback_later()
    return {**result, "seconds": round(time.monotonic() - started, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("classic", "connect"), required=True)
    parser.add_argument("--runtime", choices=("shim", "rewrite"))
    parser.add_argument("plan")
    parser.add_argument("results")
    options = parser.parse_args()
    if options.runtime and options.engine != "connect":
        parser.error("--runtime needs --engine connect")
    configure(options.engine)
    if options.runtime:
        start_runtime(options.runtime)
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    plan = json.loads(Path(options.plan).read_text(encoding="utf-8"))
    results = {}
    for job in plan:
        results[job["name"]] = run_job(job["entry"], options.engine)
        # Written after each job so that a crash of the interpreter still leaves the others.
        Path(options.results).write_text(json.dumps(results, indent=1), encoding="utf-8")
    Path(options.results).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
