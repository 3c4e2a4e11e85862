"""``python -m sparkmigrate_runtime``: run a PySpark program with the runtime shim active.

    python -m sparkmigrate_runtime [--mode shim|record|strict|rewrite] [--report PATH]
        [--unsafe-fixes] [--rewrite-path DIR]... script.py [args...]
    python -m sparkmigrate_runtime [options] -m package.module [args...]

Every Spark Connect session the program creates is shimmed; the program runs as ``__main__``
with its own ``sys.argv``; the report is written when it ends, however it ends. In ``rewrite``
mode the program and the modules it imports from its folder (or the current folder with
``-m``, and every ``--rewrite-path``) run with sparkmigrate's fixes applied as they are
compiled (``--unsafe-fixes``: the unsafe ones too); what the fixes leave is shimmed.
Defaults come from SPARKMIGRATE_RUNTIME / SPARKMIGRATE_RUNTIME_REPORT, then ``shim`` and
``./sparkmigrate-runtime-report.json``.
"""

from __future__ import annotations

import os
import runpy
import sys
from dataclasses import dataclass, field

from .runtime import ENV_MODE, ENV_REPORT, Mode

PROGRAM = "python -m sparkmigrate_runtime"
USAGE = (
    f"usage: {PROGRAM} [--mode shim|record|strict|rewrite] [--report PATH] [--unsafe-fixes] "
    "[--rewrite-path DIR]... (script.py | -m module) [args...]"
)
DEFAULT_REPORT = "sparkmigrate-runtime-report.json"


class UsageError(Exception):
    """Bad command line; reported on one line with exit status 2."""


@dataclass
class Invocation:
    mode: str
    report: str
    module: str | None
    script: str | None
    args: list[str]
    unsafe_fixes: bool = False
    rewrite_paths: list[str] = field(default_factory=list)


def parse(argv: list[str]) -> Invocation | None:
    """The invocation described by ``argv``; None when help was asked for."""
    options = Invocation(os.environ.get(ENV_MODE) or "shim",
                         os.environ.get(ENV_REPORT) or DEFAULT_REPORT, None, None, [])
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument in ("-h", "--help"):
            return None
        if argument == "--unsafe-fixes":
            options.unsafe_fixes = True
            index += 1
            continue
        name, has_value, value = argument.partition("=")
        if name in ("--mode", "--report", "--rewrite-path", "-m"):
            if not has_value:
                if index + 1 >= len(argv):
                    raise UsageError(f"{name} needs a value")
                index, value = index + 1, argv[index + 1]
            if name == "--mode":
                options.mode = value
            elif name == "--report":
                options.report = value
            elif name == "--rewrite-path":
                if not os.path.isdir(value):
                    raise UsageError(f"--rewrite-path {value!r} is not a folder")
                options.rewrite_paths.append(os.path.abspath(value))
            else:
                options.module, options.args = value, argv[index + 1:]
                return options
            index += 1
            continue
        if argument.startswith("-"):
            raise UsageError(f"unknown option {argument}")
        options.script, options.args = argument, argv[index + 1:]
        return options
    raise UsageError("no program given: name a script or use -m module")


def run(invocation: Invocation, mode: Mode) -> None:
    """Activate the shim, run the program, write the report (also when the program fails)."""
    from .patches import ensure_installed
    from .runtime import activate, write_report

    ensure_installed()
    activate(mode, None, invocation.report)
    rewriter = None
    if mode is Mode.REWRITE:
        from . import rewrite

        home = os.path.dirname(os.path.abspath(invocation.script)) if invocation.script else os.getcwd()
        unsafe = invocation.unsafe_fixes or None  # None: SPARKMIGRATE_RUNTIME_UNSAFE_FIXES decides
        rewriter = rewrite.enable([home, *invocation.rewrite_paths], unsafe)
    try:
        if invocation.module is not None:
            sys.argv = [invocation.module, *invocation.args]
            runpy.run_module(invocation.module, run_name="__main__", alter_sys=True)
        else:
            script = os.path.abspath(invocation.script)
            sys.argv = [invocation.script, *invocation.args]
            sys.path[0] = os.path.dirname(script)
            if rewriter is None:
                runpy.run_path(script, run_name="__main__")
            else:
                rewrite.run_script(script, rewriter)
    finally:
        try:
            write_report(invocation.report)
        except OSError as error:
            print(f"{PROGRAM}: cannot write report {invocation.report}: {error}",
                  file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    try:
        invocation = parse(sys.argv[1:] if argv is None else argv)
        if invocation is None:
            print(__doc__.strip())
            return 0
        if invocation.script is not None and not os.path.isfile(invocation.script):
            raise UsageError(f"cannot open script {invocation.script!r}: no such file")
        mode = Mode.parse(invocation.mode, "--mode")
    except (UsageError, ValueError) as error:
        print(f"{PROGRAM}: error: {error}", file=sys.stderr)
        return 2
    run(invocation, mode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
