"""`python -m sparkmigrate ARGS...`: runs the installed binary with the same arguments."""
import os
import sys

from sparkmigrate import find_sparkmigrate_bin


def main() -> int:
    try:
        binary = find_sparkmigrate_bin()
    except FileNotFoundError as error:
        print(f"sparkmigrate: {error}", file=sys.stderr)
        return 2
    if sys.platform == "win32":  # no exec there: run it and pass its status on
        import subprocess

        return subprocess.call([binary, *sys.argv[1:]])
    os.execv(binary, [binary, *sys.argv[1:]])
    return 2  # not reached


if __name__ == "__main__":
    sys.exit(main())
