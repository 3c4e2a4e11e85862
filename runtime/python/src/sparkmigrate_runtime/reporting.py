"""Recording of interceptions and the JSON report of docs/runtime-report.md.

:class:`Recorder` counts interceptions per (file, line, api); :func:`build_report` turns the
counts into the report document and :func:`write_atomically` writes it through a temporary
file in the target directory followed by a rename, so readers never see a partial report.
The report is readable by its owner only, and the job's command line in it has the values
that look like secrets replaced (:func:`redact_argv`).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "sparkmigrate-runtime-report"
VERSION = 1
SHIMMED = "shimmed"
RAISED = "raised"
REWRITTEN = "rewritten"
_OUTCOMES = (RAISED, SHIMMED, REWRITTEN)  # a site's outcome is the first of those it had


def utc_now() -> str:
    """The current time as an ISO-8601 UTC timestamp with a ``Z`` suffix."""
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    return now.isoformat().replace("+00:00", "Z")


@dataclass
class _Entry:
    code: str
    count: int = 0
    outcome: str = REWRITTEN


class Recorder:
    """Thread-safe counts of interceptions, keyed by (file, line, api).

    A site whose calls were routed once and refused once reports ``raised``: the report
    lists what still needs a rewrite. A ``rewritten`` site was fixed as its module was imported
    (rewrite mode); its count is how many times that happened.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, int, str], _Entry] = {}

    def record(self, file: str, line: int, api: str, code: str, outcome: str) -> None:
        if outcome not in _OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(_OUTCOMES)}, got {outcome!r}")
        with self._lock:
            entry = self._entries.setdefault((file, line, api), _Entry(code))
            entry.count += 1
            entry.outcome = min(entry.outcome, outcome, key=_OUTCOMES.index)

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
                "outcome": entry.outcome,
            }
            for (file, line, api), entry in items
        ]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _pyspark_version() -> str:
    from pyspark.version import __version__

    return __version__


REDACTED = "***"

# Words of an option or key name that mark its value as a secret; a name whose last word says
# the value only points at one (--password-file, --token-env, --secret-name) is kept.
_SECRET_WORDS = frozenset({
    "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "key", "apikey",
    "accesskey", "secretkey", "privatekey", "credential", "credentials", "auth", "authorization",
    "cookie", "signature", "sig",
})
_POINTER_WORDS = frozenset({"file", "path", "dir", "env", "var", "name"})
_TOKEN_PREFIXES = ("sk-", "sk_", "dapi", "AKIA", "xox", "ghp_", "github_pat_", "hf_", "eyJ", "Bearer ")
_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)[^/@\s]+@")
_PARAMETER = re.compile(r"([?&;])([^=&;#?/\s]+)=([^&;#\s]*)")


def _is_secret_name(name: str) -> bool:
    """True for names like ``password``, ``api-key``, ``fs.s3a.secret.key``, ``clientSecret``."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower())
    return bool(words) and words[-1] not in _POINTER_WORDS and any(w in _SECRET_WORDS for w in words)


def _looks_like_token(value: str) -> bool:
    """An API key or token by itself: a known prefix, or a long run of mixed letters and digits."""
    if any(value.startswith(p) and len(value) > len(p) + 8 for p in _TOKEN_PREFIXES):
        return True
    if len(value) < 32 or any(c in value for c in "/:. "):
        return False
    return (sum(c.isdigit() for c in value) >= 4 and any(c.islower() for c in value)
            and any(c.isupper() for c in value))


def _redact_value(argument: str) -> str:
    name, equals, value = argument.partition("=")
    if equals and "://" not in name and _is_secret_name(name.lstrip("-")):
        return f"{name}={REDACTED}"
    if _looks_like_token(argument):
        return REDACTED
    argument = _USERINFO.sub(lambda m: f"{m.group(1)}{REDACTED}@", argument)
    return _PARAMETER.sub(
        lambda m: f"{m.group(1)}{m.group(2)}={REDACTED}" if _is_secret_name(m.group(2)) else m.group(0),
        argument,
    )


def redact_argv(argv: list[str]) -> list[str]:
    """``argv`` with what looks like a secret replaced by ``***``, the rest kept so that the job
    can be recognised: the value after an option named like a secret (``--password X``,
    ``--api-key=X``), the value of ``key=value`` arguments with such keys
    (``spark.hadoop.fs.s3a.secret.key=X``), the user information of URLs
    (``jdbc:postgresql://user:pw@host``) and secret query parameters (``?sig=X``), and values
    that are tokens by themselves (``ghp_...``, ``sk-...``)."""
    redacted: list[str] = []
    hide_next = False
    for index, argument in enumerate(argv):
        if hide_next and not argument.startswith("--"):
            redacted.append(REDACTED)
            hide_next = False
            continue
        hide_next = (index > 0 and argument.startswith("-") and "=" not in argument
                     and _is_secret_name(argument.lstrip("-")))
        redacted.append(argument if index == 0 else _redact_value(argument))
    return redacted


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
        "argv": redact_argv(list(argv)),
        "records": records,
    }


def write_atomically(document: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write ``document`` as JSON to ``path`` via a temporary file and a rename; the file is
    readable and writable by its owner only (mode 0600), whatever was there before."""
    target = Path(path).expanduser().absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        os.chmod(temporary, 0o600)  # mkstemp's mode, said out loud: the report holds the command line
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

