"""Rewrite on import: the user's own modules run with sparkmigrate's fixes applied.

In ``rewrite`` mode an import hook (first on ``sys.meta_path``) takes the modules whose
source lies under the job's folders -- never the standard library or site-packages -- and,
before compiling one, has the ``sparkmigrate`` binary fix its source exactly as
``sparkmigrate fix`` would (safe fixes; unsafe ones too when asked), through standard input,
so nothing on disk changes and the file's own ``pyproject.toml`` settings apply. The result
is compiled with every line number mapped back to the line it came from, so tracebacks, the
shim's call sites and the report name the user's lines, and ``linecache`` shows the code as
written. Before the rule fixes, the model rewrites that ``sparkmigrate fix --llm`` has already
had validated for this source are applied from its answer cache (``--llm-cached``: validated
again, and no model is ever asked from here). Whatever the fixes leave is still intercepted by
the shim. Each fixed call site is recorded with the outcome ``rewritten``.

Fixing costs four runs of the binary (check, cached model rewrites, fix, check the result);
the outcome is cached on disk, keyed by the source, its path, the settings file that governs
it, the binary, the options and the state of the model answer cache, so a job's second run
compiles from the cache. A module the binary cannot fix (no
binary, a file it refuses, an error) runs as written, with one warning.
"""

from __future__ import annotations

import ast
import difflib
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SparkMigrateWarning

ENV_BIN = "SPARKMIGRATE_BIN"
ENV_PATHS = "SPARKMIGRATE_RUNTIME_REWRITE_PATHS"
ENV_UNSAFE = "SPARKMIGRATE_RUNTIME_UNSAFE_FIXES"
ENV_CACHE = "SPARKMIGRATE_RUNTIME_CACHE"
CACHE_VERSION = 2
_TIMEOUT = 120  # seconds for one run of the binary


def find_binary() -> str | None:
    """$SPARKMIGRATE_BIN, else ``sparkmigrate`` on PATH, else the one the wheel installed."""
    explicit = os.environ.get(ENV_BIN)
    if explicit:
        return explicit
    found = shutil.which("sparkmigrate")
    if found:
        return found
    try:
        from sparkmigrate import find_sparkmigrate_bin  # the `sparkmigrate` wheel

        return find_sparkmigrate_bin()
    except Exception:  # not installed, or no binary beside it
        return None


def _cache_dir() -> Path:
    explicit = os.environ.get(ENV_CACHE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sparkmigrate" / "rewrite"


def _excluded_roots() -> list[str]:
    """Where third-party and standard-library code lives: never rewritten."""
    roots = {sysconfig.get_paths().get(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    roots.update(p for p in sys.path if p.endswith(("site-packages", "dist-packages")))
    roots.add(str(Path(__file__).resolve().parent))
    return sorted(os.path.realpath(r) for r in roots if r)


@dataclass
class Rewrite:
    """A module's fixed source; ``lines[i]`` is the original line of its line ``i + 1``."""

    source: str
    lines: list[int]
    sites: list[dict[str, Any]] = field(default_factory=list)  # {line, api, code} of fixed findings

    @property
    def changed(self) -> bool:
        return bool(self.sites) or self.lines != list(range(1, len(self.lines) + 1))


def line_map(before: str, after: str) -> list[int]:
    """For each line of ``after``, the 1-based line of ``before`` it comes from (or replaces)."""
    old, new = _lines(before), _lines(after)
    mapped = [1] * len(new)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                mapped[j] = i1 + (j - j1) + 1
            elif tag == "replace":
                mapped[j] = min(i1 + (j - j1), i2 - 1) + 1
            else:  # an inserted line belongs to the line it was inserted at
                mapped[j] = min(i1, max(len(old) - 1, 0)) + 1
    return mapped


_API = re.compile(r"`([A-Za-z_][\w.]*)")


def _api_of(finding: dict[str, Any]) -> str:
    """The API a finding names (the first code span of its message), else its rule code."""
    match = _API.search(finding.get("message", ""))
    return match.group(1) if match else finding.get("code", "")


class Rewriter:
    """Fixes and compiles the modules under ``roots`` (thread-safe; results cached on disk)."""

    def __init__(self, roots: list[str], unsafe: bool = False, binary: str | None = None,
                 on_site: Any = None) -> None:
        self.roots = [os.path.realpath(r) for r in roots]
        self.unsafe = unsafe
        self.binary = binary if binary is not None else find_binary()
        self.on_site = on_site  # called with (file, line, api, code) for each fixed site
        self.excluded = _excluded_roots()
        self._lock = threading.Lock()
        self._warned: set[str] = set()
        self._binary_id: str | None = None

    def covers(self, path: str) -> bool:
        """True for a .py file under one of the roots, outside the standard library and any
        site-packages (a virtualenv inside a root included)."""
        if not path.endswith(".py"):
            return False
        real = os.path.realpath(path)
        root = next((r for r in self.roots if _inside(real, r)), None)
        if root is None:
            return False
        below = real[len(root):]
        if f"{os.sep}site-packages{os.sep}" in below or f"{os.sep}dist-packages{os.sep}" in below:
            return False
        return not any(_inside(real, e) and not _inside(root, e) for e in self.excluded)

    def _warn(self, message: str) -> None:
        with self._lock:
            if message in self._warned:
                return
            self._warned.add(message)
        warnings.warn(f"sparkmigrate_runtime rewrite: {message}", SparkMigrateWarning, stacklevel=2)

    def _run(self, args: list[str], path: str, text: str) -> subprocess.CompletedProcess[str]:
        assert self.binary is not None
        return subprocess.run([self.binary, *args, "--stdin-filename", path, "-"], input=text,
                              capture_output=True, text=True, timeout=_TIMEOUT,
                              cwd=os.path.dirname(path) or None)

    def _check(self, path: str, text: str) -> list[dict[str, Any]]:
        done = self._run(["check", "--output-format", "json", "--exit-zero"], path, text)
        if done.returncode != 0:
            raise RuntimeError((done.stderr.strip().splitlines() or ["check failed"])[-1])
        return json.loads(done.stdout)

    def _cached_model_rewrites(self, path: str, text: str) -> str:
        """``text`` with the validated model rewrites already in the answer cache applied. Without
        a model backend in the settings (the binary's usage error) there are none."""
        done = self._run(["fix", "--llm", "--llm-cached", "--apply"], path, text)
        if done.returncode == 0:
            return done.stdout
        if done.returncode != 2:
            self._warn(f"{path}: cached model rewrites not applied "
                       f"({(done.stderr.strip().splitlines() or ['fix --llm failed'])[-1]})")
        return text

    def _key(self, binary: str, path: str, text: str) -> str:
        if self._binary_id is None:
            stat = os.stat(binary)
            self._binary_id = f"{os.path.realpath(binary)}:{stat.st_size}:{stat.st_mtime_ns}"
        digest = hashlib.sha256()
        for part in (str(CACHE_VERSION), self._binary_id, str(self.unsafe), os.path.realpath(path),
                     _settings_text(path), _answers_state(), text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def rewrite(self, path: str, text: str) -> Rewrite | None:
        """The fixed module, or None when it runs as written (the reason warned once)."""
        if self.binary is None:
            self._warn("no sparkmigrate binary (set SPARKMIGRATE_BIN or install the sparkmigrate "
                       "wheel); modules run as written, the shim still intercepts")
            return None
        try:
            key = self._key(self.binary, path, text)
        except OSError as error:
            self._warn(f"cannot use {self.binary}: {error.strerror}; modules run as written")
            return None
        cached = _cache_dir() / key[:2] / f"{key}.json"
        try:
            entry = json.loads(cached.read_text(encoding="utf-8"))
            return Rewrite(entry["source"], entry["lines"], entry["sites"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        try:
            before = self._check(path, text)
            modelled = self._cached_model_rewrites(path, text)
            done = self._run(["fix", *(["--unsafe-fixes"] if self.unsafe else [])], path, modelled)
            if done.returncode not in (0, 1):
                raise RuntimeError((done.stderr.strip().splitlines() or ["fix failed"])[-1])
            fixed = done.stdout
            lines = line_map(text, fixed)
            after = self._check(path, fixed) if fixed != text else before
        except (OSError, subprocess.SubprocessError, RuntimeError, ValueError) as error:
            self._warn(f"{path}: not rewritten ({error}); it runs as written")
            return None
        left: dict[tuple[str, int], int] = {}
        for finding in after:
            row = finding["location"]["row"]
            spot = (finding["code"], lines[row - 1] if 0 < row <= len(lines) else row)
            left[spot] = left.get(spot, 0) + 1
        sites = []
        for finding in before:
            spot = (finding["code"], finding["location"]["row"])
            if left.get(spot, 0) > 0:
                left[spot] -= 1
            else:
                sites.append({"line": spot[1], "api": _api_of(finding), "code": spot[0]})
        result = Rewrite(fixed, lines, sites)
        _store(cached, {"source": fixed, "lines": lines, "sites": sites})
        return result

    def code(self, path: str, data: bytes) -> Any:
        """The code object of the module at ``path`` whose source is ``data``."""
        text = importlib.util.decode_source(data)
        rewrite = self.rewrite(path, text)
        if rewrite is None or not rewrite.changed:
            return compile(data, path, "exec", dont_inherit=True)
        try:
            tree = ast.parse(rewrite.source, path)
        except SyntaxError:
            self._warn(f"{path}: the fixed source does not parse; it runs as written")
            return compile(data, path, "exec", dont_inherit=True)
        _map_lines(tree, rewrite.lines, _lines(text), _lines(rewrite.source))
        code = compile(tree, path, "exec", dont_inherit=True)
        if self.on_site is not None:
            for site in rewrite.sites:
                self.on_site(os.path.abspath(path), site["line"], site["api"], site["code"])
        return code


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _lines(text: str) -> list[str]:
    """The lines of ``text`` as Python counts them (\\n, \\r\\n or \\r end a line)."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _answers_state() -> str:
    """When the model answer cache of ``fix --llm`` last changed (the binary's
    defaultCacheDir()/llm): a new answer there may rewrite a module again."""
    base = os.environ.get("SPARKMIGRATE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "sparkmigrate")
    try:
        return str(os.stat(os.path.join(base, "llm")).st_mtime_ns)
    except OSError:
        return "none"


def _settings_text(path: str) -> str:
    """The nearest pyproject.toml's text ("" when there is none): it governs the fixes."""
    folder = Path(path).resolve().parent
    for candidate in (folder, *folder.parents):
        settings = candidate / "pyproject.toml"
        try:
            return settings.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    return ""


def _store(path: Path, entry: dict[str, Any]) -> None:
    """Write a cache entry atomically, readable by its owner only; a failure only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".entry-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(entry, out)
        os.replace(temporary, path)
    except OSError:
        pass


def _map_lines(tree: ast.AST, lines: list[int], original: list[str], fixed: list[str]) -> None:
    """Give every node the original line its fixed line came from. On a line the fixes changed,
    a node spans the whole original line, so that a traceback marks the line rather than columns
    that belong to the fixed text."""

    def origin(line: int) -> int:
        return lines[line - 1] if 0 < line <= len(lines) else line

    for node in ast.walk(tree):
        if not hasattr(node, "lineno") or getattr(node, "lineno", None) is None:
            continue
        start, end = node.lineno, getattr(node, "end_lineno", None) or node.lineno
        same = all(0 < n <= len(fixed) and 0 < origin(n) <= len(original)
                   and fixed[n - 1] == original[origin(n) - 1] for n in (start, end))
        node.lineno = origin(start)
        node.end_lineno = max(origin(end), node.lineno)
        if not same:
            node.col_offset = 0
            text = original[node.end_lineno - 1] if node.end_lineno <= len(original) else ""
            node.end_col_offset = len(text.encode("utf-8"))


class _Loader(importlib.machinery.SourceFileLoader):
    """A source loader that compiles through the rewriter and never writes bytecode."""

    def __init__(self, fullname: str, path: str, rewriter: Rewriter) -> None:
        super().__init__(fullname, path)
        self.rewriter = rewriter

    def get_code(self, fullname: str) -> Any:
        path = self.get_filename(fullname)
        return self.rewriter.code(path, self.get_data(path))


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, rewriter: Rewriter) -> None:
        self.rewriter = rewriter

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if (spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader)
                or not spec.origin or not self.rewriter.covers(spec.origin)):
            return None
        spec.loader = _Loader(fullname, spec.origin, self.rewriter)
        return spec


def run_script(script: str, rewriter: Rewriter) -> None:
    """Run ``script`` as ``__main__`` compiled through ``rewriter``, as runpy.run_path would
    (the previous ``__main__`` module is put back afterwards)."""
    import types

    with open(script, "rb") as source:
        code = rewriter.code(script, source.read())
    main = types.ModuleType("__main__")
    main.__dict__.update(__file__=script, __cached__=None, __loader__=None, __package__=None,
                         __spec__=None, __builtins__=__builtins__)
    previous = sys.modules.get("__main__")
    sys.modules["__main__"] = main
    try:
        exec(code, main.__dict__)
    finally:
        if previous is not None:
            sys.modules["__main__"] = previous


_ACTIVE: Rewriter | None = None


def default_roots() -> list[str]:
    """$SPARKMIGRATE_RUNTIME_REWRITE_PATHS, else the main script's folder, else the current one."""
    listed = [p for p in os.environ.get(ENV_PATHS, "").split(os.pathsep) if p]
    if listed:
        return [os.path.abspath(p) for p in listed]
    main = sys.argv[0] if sys.argv and sys.argv[0] not in ("", "-c", "-m") else ""
    return [os.path.dirname(os.path.abspath(main)) if main and os.path.isfile(main) else os.getcwd()]


def enable(roots: list[str] | None = None, unsafe: bool | None = None) -> Rewriter:
    """Rewrite the modules imported from now on under ``roots`` (see :func:`default_roots`)."""
    global _ACTIVE
    from . import runtime

    if unsafe is None:
        unsafe = os.environ.get(ENV_UNSAFE, "").strip().lower() in ("1", "true", "yes")
    rewriter = Rewriter(roots if roots is not None else default_roots(), unsafe,
                        on_site=runtime.record_rewritten)
    disable()
    sys.meta_path.insert(0, _Finder(rewriter))
    _ACTIVE = rewriter
    return rewriter


def disable() -> None:
    """Stop rewriting imports (modules already imported stay as they are)."""
    global _ACTIVE
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _Finder)]
    _ACTIVE = None


def active() -> Rewriter | None:
    return _ACTIVE
