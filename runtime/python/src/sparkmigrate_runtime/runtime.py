"""Process-wide runtime state and the dispatcher every interception goes through.

:func:`dispatch` is the one place that applies the mode: *shim* routes the call to its Connect
equivalent, *record* lets the original Connect error happen, *strict* raises at once with the
rule code and the suggested rewrite. Every decision is recorded with the user's call site.
The state says which Connect sessions are shimmed (one session after ``install(spark)``, every
session after environment activation) and where the report goes at exit.
"""

from __future__ import annotations

import atexit
import enum
import functools
import os
import sys
import threading
import weakref
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import reporting
from .callsite import user_call_site
from .errors import (
    NoFaithfulEquivalent,
    SparkMigrateError,
    connect_error,
    strict_error,
    unfaithful_error,
)
from .rules import rule_for

T = TypeVar("T")

ENV_MODE = "SPARKMIGRATE_RUNTIME"
ENV_REPORT = "SPARKMIGRATE_RUNTIME_REPORT"


class Mode(str, enum.Enum):
    """What happens at an incompatible call."""

    SHIM = "shim"  # route to the Connect equivalent and continue
    RECORD = "record"  # record, then fail exactly as Spark Connect does without the shim
    STRICT = "strict"  # fail at once, naming the rule code and the suggested rewrite
    REWRITE = "rewrite"  # fix the user's modules as they are imported (rewrite.py); shim the rest

    @classmethod
    def parse(cls, value: object, source: str = "mode") -> "Mode":
        if isinstance(value, Mode):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise ValueError(
                f"{source} must be one of shim, record, strict, rewrite; got {value!r}"
            ) from None


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.mode: Mode | None = None
        self.last_mode = Mode.SHIM
        self.all_sessions = False
        self.sessions: "weakref.WeakSet[Any]" = weakref.WeakSet()
        self.recorder = reporting.Recorder()
        self.started: str | None = None
        self.report_path: Path | None = None
        self.atexit_registered = False


STATE = _State()
_internal = threading.local()  # depth > 0 while shim code runs on this thread


def activate(mode: Mode, session: Any = None, report_path: str | os.PathLike[str] | None = None):
    """Shim ``session`` (or every Connect session when it is None) in ``mode``."""
    with STATE.lock:
        STATE.mode = STATE.last_mode = mode
        if session is None:
            STATE.all_sessions = True
        else:
            STATE.sessions.add(session)
        STATE.started = STATE.started or reporting.utc_now()
        if report_path is not None:
            STATE.report_path = Path(report_path).expanduser().absolute()
        if not STATE.atexit_registered:
            atexit.register(_write_at_exit)
            STATE.atexit_registered = True


def record_rewritten(file: str, line: int, api: str, code: str) -> None:
    """Record a call site that rewrite mode fixed as its module was imported."""
    STATE.recorder.record(file, line, api, code, reporting.REWRITTEN)


def deactivate(session: Any = None) -> None:
    """Stop shimming ``session``, or every session when it is None."""
    with STATE.lock:
        if session is not None:
            STATE.sessions.discard(session)
            return
        STATE.mode = None
        STATE.all_sessions = False
        STATE.sessions = weakref.WeakSet()


def applies_to(session: Any) -> bool:
    """Whether calls on this Connect session are intercepted."""
    return STATE.mode is not None and (STATE.all_sessions or session in STATE.sessions)


def activation_from_environment() -> tuple[Mode, str | None] | None:
    """(mode, report path) requested by SPARKMIGRATE_RUNTIME[_REPORT], or None."""
    value = os.environ.get(ENV_MODE, "").strip()
    if not value:
        return None
    return Mode.parse(value, ENV_MODE), os.environ.get(ENV_REPORT) or None


def dispatch(api: str, shim: Callable[[], T], original: Callable[[], T] | None = None) -> T:
    """Apply the current mode to one call of ``api``.

    ``shim`` performs the Connect equivalent (it may raise :class:`NoFaithfulEquivalent`);
    ``original`` performs the call as Spark Connect would without the shim (by default: raise
    Connect's error for ``api``). Calls made by shim code itself are neither recorded nor
    checked.
    """
    if getattr(_internal, "depth", 0):
        return shim()  # the outer call records and converts refusals
    mode = STATE.mode
    if mode is None:  # a facade used after uninstall(): routed, not recorded
        return _route(api, shim)
    file, line = user_call_site()
    record = functools.partial(STATE.recorder.record, file, line, api, rule_for(api).code)
    if mode is Mode.STRICT:
        record(reporting.RAISED)
        raise strict_error(api)
    if mode is Mode.RECORD:
        try:
            return original() if original is not None else _raise(connect_error(api))
        except BaseException:
            record(reporting.RAISED)
            raise
    try:
        result = _route(api, shim)
    except SparkMigrateError:
        record(reporting.RAISED)
        raise
    except BaseException:
        record(reporting.SHIMMED)  # routed; the failure is the equivalent's own (e.g. bad data)
        raise
    record(reporting.SHIMMED)
    return result


def _route(api: str, shim: Callable[[], T]) -> T:
    """Run shim code, turning its refusal into the Connect-style error for ``api``."""
    _internal.depth = getattr(_internal, "depth", 0) + 1
    try:
        return shim()
    except NoFaithfulEquivalent as refused:
        raise unfaithful_error(api, refused.reason, attribute=refused.attribute) from None
    finally:
        _internal.depth -= 1


def _raise(error: BaseException) -> Any:
    raise error


def intercepted(api: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorate a facade member so that each call goes through :func:`dispatch`."""
    rule_for(api)  # fail at import time on a misspelt API name

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> T:
            return dispatch(api, lambda: function(*args, **kwargs))

        return wrapper

    return decorate


def refusing(api: str) -> Callable[..., Any]:
    """A facade member that records each call and refuses it (the rule says why)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NoFaithfulEquivalent()

    refuse.__name__ = api.split(".", 1)[1]
    return intercepted(api)(refuse)


def refuse_attribute(api: str) -> Any:
    """Record and refuse an unknown facade attribute with an ``AttributeError``."""

    def refuse() -> Any:
        raise NoFaithfulEquivalent(attribute=True)

    return dispatch(api, refuse)


def current_report() -> dict[str, Any]:
    """The report document as it would be written now."""
    mode = STATE.mode or STATE.last_mode
    return reporting.build_report(
        STATE.recorder.records(), mode.value, STATE.started or reporting.utc_now(), sys.argv
    )


def write_report(path: str | os.PathLike[str] | None = None) -> Path:
    """Write the report atomically to ``path`` (default: the configured report path)."""
    target = path if path is not None else STATE.report_path
    if target is None:
        raise ValueError(
            "no report path: pass one to write_report(), install(report_path=...) or set "
            f"{ENV_REPORT}"
        )
    return reporting.write_atomically(current_report(), target)


def _write_at_exit() -> None:
    if STATE.report_path is None:
        return
    try:
        write_report(STATE.report_path)
    except Exception as error:  # exiting: report on one line, never raise
        print(f"sparkmigrate-runtime: cannot write report {STATE.report_path}: {error}",
              file=sys.stderr)
