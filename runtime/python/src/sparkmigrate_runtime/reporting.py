"""Recording of interceptions and the JSON report of docs/runtime-report.md.

:class:`Recorder` counts interceptions per (file, line, api); :func:`build_report` turns the
counts into the report document and :func:`write_atomically` writes it through a temporary
file in the target directory followed by a rename, so readers never see a partial report.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "sparkmigrate-runtime-report"
VERSION = 1
SHIMMED = "shimmed"
RAISED = "raised"


def utc_now() -> str:
    """The current time as an ISO-8601 UTC timestamp with a ``Z`` suffix."""
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    return now.isoformat().replace("+00:00", "Z")


@dataclass
class _Entry:
    code: str
    count: int = 0
    raised: bool = False


class Recorder:
    """Thread-safe counts of interceptions, keyed by (file, line, api).

    A site whose calls were routed once and refused once reports ``raised``: the report
    lists what still needs a rewrite.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, int, str], _Entry] = {}

    def record(self, file: str, line: int, api: str, code: str, outcome: str) -> None:
        if outcome not in (SHIMMED, RAISED):
            raise ValueError(f"outcome must be {SHIMMED!r} or {RAISED!r}, got {outcome!r}")
        with self._lock:
            entry = self._entries.setdefault((file, line, api), _Entry(code))
            entry.count += 1
            entry.raised = entry.raised or outcome == RAISED

    def records(self) -> list[dict[str, Any]]:
        """The records of the report, highest count first (ties in file/line/api order)."""
        with self._lock:
            items = sorted(self._entries.items(), key=lambda kv: (-kv[1].count, kv[0]))
        return [
            {
                "file": file,
                "line": line,
                "api": api,
                "code": entry.code,
                "count": entry.count,
                "outcome": RAISED if entry.raised else SHIMMED,
            }
            for (file, line, api), entry in items
        ]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _pyspark_version() -> str:
    from pyspark.version import __version__

    return __version__


def build_report(
    records: list[dict[str, Any]], mode: str, started: str, argv: list[str]
) -> dict[str, Any]:
    """The report document (docs/runtime-report.md, format version 1)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "mode": mode,
        "started": started,
        "finished": utc_now(),
        "python": platform.python_version(),
        "pyspark": _pyspark_version(),
        "argv": list(argv),
        "records": records,
    }


def write_atomically(document: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write ``document`` as JSON to ``path`` via a temporary file and a rename."""
    target = Path(path).expanduser().absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        os.chmod(temporary, 0o644)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, indent=2)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return target

