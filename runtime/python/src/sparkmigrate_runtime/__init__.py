"""sparkmigrate-runtime: run classic PySpark code on Spark Connect.

Intercepts the calls Spark Connect rejects (``spark.sparkContext``, ``SparkContext(...)``,
``df.rdd``, ``df.toJSON()``, ``SQLContext(sc)``, ...) on a Spark Connect session, routes each
to its Connect equivalent where a faithful one exists, and records every interception with
the user's call site and the `sparkmigrate check` rule code in a JSON report
(docs/runtime-report.md). Three ways to turn it on (docs/runtime.md):

* ``sparkmigrate_runtime.install(spark, mode="shim", report_path=None)``;
* ``SPARKMIGRATE_RUNTIME=shim|record|strict|rewrite`` (and ``SPARKMIGRATE_RUNTIME_REPORT=path``)
  in the environment plus ``import sparkmigrate_runtime``: every Connect session is shimmed
  (``rewrite`` also fixes the modules imported afterwards from the job's folder, rewrite.py);
* ``python -m sparkmigrate_runtime [--mode M] [--report PATH] script.py args...``.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from pyspark import cloudpickle as _cloudpickle

from . import portable as _portable
from . import runtime as _runtime
from .errors import SparkMigrateError, SparkMigrateWarning
from .runtime import Mode

# Worker-side code is shipped by value, so the Spark Connect server needs no install of ours.
_cloudpickle.register_pickle_by_value(_portable)

__all__ = [
    "Mode",
    "SparkMigrateError",
    "SparkMigrateWarning",
    "install",
    "report",
    "reset",
    "uninstall",
    "write_report",
]


def install(
    spark: Any, mode: str | Mode = "shim", report_path: str | os.PathLike[str] | None = None
) -> None:
    """Shim the Spark Connect session ``spark`` in ``mode`` (``shim``, ``record``, ``strict``,
    ``rewrite``: also fix the modules imported from now on, see :mod:`.rewrite`).

    With ``report_path`` the JSON report is written there at interpreter exit (and by
    :func:`write_report`). The mode is process-wide: the last call wins. A classic
    SparkSession needs no shim; it is left alone with a warning.
    """
    chosen = Mode.parse(mode)
    from pyspark.sql.connect.session import SparkSession as ConnectSession

    if not isinstance(spark, ConnectSession):
        from pyspark.sql import SparkSession

        if isinstance(spark, SparkSession):
            warnings.warn(
                "sparkmigrate_runtime.install(): a classic SparkSession runs legacy code "
                "natively; nothing to intercept", SparkMigrateWarning, stacklevel=2,
            )
            return
        raise TypeError(
            f"install() needs a Spark Connect SparkSession, got {type(spark).__name__}"
        )
    from .patches import ensure_installed

    ensure_installed()
    _runtime.activate(chosen, spark, report_path)
    if chosen is Mode.REWRITE:
        from . import rewrite

        rewrite.enable()


def uninstall(spark: Any = None) -> None:
    """Stop intercepting calls on ``spark`` (or on every session, and rewriting imports);
    records are kept."""
    _runtime.deactivate(spark)
    if spark is None:
        from . import rewrite

        rewrite.disable()


def write_report(path: str | os.PathLike[str] | None = None) -> Path:
    """Write the report now, atomically; ``path`` defaults to the configured report path."""
    return _runtime.write_report(path)


def report() -> dict[str, Any]:
    """The report document as it would be written now."""
    return _runtime.current_report()


def reset() -> None:
    """Forget every recorded interception."""
    _runtime.STATE.recorder.clear()


def _activate_from_environment() -> None:
    requested = _runtime.activation_from_environment()
    if requested is None:
        return
    from .patches import ensure_installed

    ensure_installed()
    mode, report_path = requested
    _runtime.activate(mode, None, report_path)
    if mode is Mode.REWRITE:
        from . import rewrite

        rewrite.enable()


_activate_from_environment()
