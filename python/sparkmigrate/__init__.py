"""The sparkmigrate binary, installed by this package into the environment's scripts
folder (bin/ on Linux and macOS), and how to find it: find_sparkmigrate_bin()."""
import os
import sys
import sysconfig

__all__ = ["find_sparkmigrate_bin"]


def find_sparkmigrate_bin() -> str:
    """The path of the installed sparkmigrate executable; FileNotFoundError when absent."""
    name = "sparkmigrate" + (sysconfig.get_config_var("EXE") or "")
    candidates = [sysconfig.get_path("scripts")]
    # pip install --user, and the folder of a virtualenv's own python.
    user_scheme = f"{os.name}_user" if sys.version_info < (3, 10) else sysconfig.get_preferred_scheme("user")
    candidates.append(sysconfig.get_path("scripts", scheme=user_scheme))
    candidates.append(os.path.dirname(sys.executable))
    for folder in candidates:
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise FileNotFoundError(f"the sparkmigrate executable is not in {', '.join(candidates)}: reinstall the package")
