"""``python -m sparkmigrate_runtime``: run a PySpark program with the runtime shim active.

    python -m sparkmigrate_runtime [--mode shim|record|strict] [--report PATH] script.py [args...]
    python -m sparkmigrate_runtime [--mode ...] [--report PATH] -m package.module [args...]

Every Spark Connect session the program creates is shimmed; the program runs with runpy as
``__main__`` with its own ``sys.argv``; the report is written when it ends, however it ends.
Defaults come from SPARKMIGRATE_RUNTIME / SPARKMIGRATE_RUNTIME_REPORT, then ``shim`` and
``./sparkmigrate-runtime-report.json``.
"""

from __future__ import annotations

import os
import runpy
import sys
from dataclasses import dataclass

from .runtime import ENV_MODE, ENV_REPORT, Mode

PROGRAM = "python -m sparkmigrate_runtime"
USAGE = (
    f"usage: {PROGRAM} [--mode shim|record|strict] [--report PATH] "
    "(script.py | -m module) [args...]"
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


def parse(argv: list[str]) -> Invocation | None:
    """The invocation described by ``argv``; None when help was asked for."""
    mode = os.environ.get(ENV_MODE) or "shim"
    report = os.environ.get(ENV_REPORT) or DEFAULT_REPORT
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument in ("-h", "--help"):
            return None
        name, has_value, value = argument.partition("=")
        if name in ("--mode", "--report", "-m"):
            if not has_value:
                if index + 1 >= len(argv):
                    raise UsageError(f"{name} needs a value")
                index, value = index + 1, argv[index + 1]
            if name == "--mode":
                mode = value
            elif name == "--report":
                report = value
            else:
                return Invocation(mode, report, value, None, argv[index + 1:])
            index += 1
            continue
        if argument.startswith("-"):
            raise UsageError(f"unknown option {argument}")
        return Invocation(mode, report, None, argument, argv[index + 1:])
    raise UsageError("no program given: name a script or use -m module")


def run(invocation: Invocation, mode: Mode) -> None:
    """Activate the shim, run the program, write the report (also when the program fails)."""
    from .patches import ensure_installed
    from .runtime import activate, write_report

    ensure_installed()
    activate(mode, None, invocation.report)
    try:
        if invocation.module is not None:
            sys.argv = [invocation.module, *invocation.args]
            runpy.run_module(invocation.module, run_name="__main__", alter_sys=True)
        else:
            script = os.path.abspath(invocation.script)
            sys.argv = [invocation.script, *invocation.args]
            sys.path[0] = os.path.dirname(script)
            runpy.run_path(script, run_name="__main__")
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
