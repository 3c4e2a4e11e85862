"""Finds the user's call site of an intercepted API.

The call site is the first stack frame, walking outwards, whose file is not part of
sparkmigrate-runtime, pyspark, py4j or the Python standard library (frozen modules count as
standard library; site-packages never does). That is the line `sparkmigrate check` should
point at.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
import sysconfig
import warnings
from types import FrameType

UNKNOWN_SITE = ("<unknown>", 0)


def _package_dir(name: str) -> str | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.realpath(list(spec.submodule_search_locations)[0])


def _roots() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(shim and library roots, standard-library roots, third-party roots)."""
    libraries = [os.path.realpath(os.path.dirname(__file__))]
    for package in ("pyspark", "py4j"):
        directory = _package_dir(package)
        if directory:
            libraries.append(directory)
    paths = sysconfig.get_paths()
    stdlib = {os.path.realpath(paths[key]) for key in ("stdlib", "platstdlib") if paths.get(key)}
    third_party = {os.path.realpath(paths[key]) for key in ("purelib", "platlib") if paths.get(key)}
    return tuple(libraries), tuple(sorted(stdlib)), tuple(sorted(third_party))


_LIBRARIES, _STDLIB, _THIRD_PARTY = _roots()


def _under(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == root or path.startswith(root + os.sep) for root in roots)


@functools.lru_cache(maxsize=4096)
def is_internal_file(filename: str) -> bool:
    """True when frames of ``filename`` belong to the shim, pyspark, py4j or the stdlib."""
    if filename.startswith("<frozen "):
        return True
    if filename.startswith("<"):  # <stdin>, <string>, notebook cells: user code
        return False
    path = os.path.realpath(filename)
    if _under(path, _LIBRARIES):
        return True
    parts = path.split(os.sep)
    if "site-packages" in parts or "dist-packages" in parts or _under(path, _THIRD_PARTY):
        return False  # third-party code calling Spark is a call site worth reporting
    return _under(path, _STDLIB)


def user_call_site(frame: FrameType | None = None) -> tuple[str, int]:
    """(absolute file, 1-based line) of the innermost user frame above ``frame``."""
    current = frame if frame is not None else sys._getframe(1)
    while current is not None:
        filename = current.f_code.co_filename
        if not is_internal_file(filename):
            if not filename.startswith("<"):
                filename = os.path.abspath(filename)
            return filename, current.f_lineno
        current = current.f_back
    return UNKNOWN_SITE


def warn_at_call_site(message: str, category: type[Warning]) -> None:
    """Emit a warning attributed to the user's line rather than to the shim."""
    file, line = user_call_site()
    warnings.warn_explicit(message, category, file, line)
