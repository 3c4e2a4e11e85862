"""A real Spark Connect server for tests, started as a separate JVM process on loopback.

Reusable by any pytest suite: import the session-scoped fixture ``spark_connect_server``
(``from spark_server import spark_connect_server`` in a conftest.py) or drive
:class:`SparkConnectServer` directly. The server runs the ``SparkConnectServer`` class from
the ``spark-connect`` jar that the pip ``pyspark`` package ships, through pyspark's bundled
``spark-submit``, with ``local[2]``, every listener bound to 127.0.0.1, and Python workers
running this interpreter. Set ``SPARKMIGRATE_TEST_REMOTE=sc://host:port`` to use a server
that is already running instead.

:data:`LOCAL_SPARK_CONF` is the configuration shared by the server and by classic local
Spark runs in tests, so that both engines partition data the same way.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

LOCAL_MASTER = "local[2]"
LOCAL_SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.shuffle.partitions": "4",
    "spark.python.worker.reuse": "true",
}
_SERVER_CLASS = "org.apache.spark.sql.connect.service.SparkConnectServer"
# Variables that would make a child JVM or Python act as something other than asked.
_INHERITED_NOISE = ("PYTHONPATH", "SPARK_REMOTE", "SPARK_CONNECT_MODE_ENABLED",
                    "PYSPARK_SUBMIT_ARGS", "SPARK_LOCAL_REMOTE", "SPARKMIGRATE_RUNTIME",
                    "SPARKMIGRATE_RUNTIME_REPORT")


def pyspark_home() -> Path:
    """The installed pyspark package, which doubles as SPARK_HOME for pip installs."""
    import pyspark

    return Path(pyspark.__file__).resolve().parent


def connect_jar(spark_home: Path) -> Path:
    jars = sorted((spark_home / "jars").glob("spark-connect_*.jar"))
    if not jars:
        raise FileNotFoundError(f"no spark-connect jar in {spark_home / 'jars'}")
    return jars[-1]


def free_port() -> int:
    """A currently unused TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def spark_environment(spark_home: Path | None = None) -> dict[str, str]:
    """Environment for a child Spark process: loopback only, this Python for workers."""
    env = {key: value for key, value in os.environ.items() if key not in _INHERITED_NOISE}
    env.update(
        SPARK_HOME=str(spark_home or pyspark_home()),
        PYSPARK_PYTHON=sys.executable,
        PYSPARK_DRIVER_PYTHON=sys.executable,
        SPARK_LOCAL_IP="127.0.0.1",
        SPARK_LOCAL_HOSTNAME="localhost",
    )
    return env


class SparkConnectServer:
    """One Spark Connect server process."""

    def __init__(self, work_dir: Path, port: int | None = None) -> None:
        self.work_dir = Path(work_dir)
        self.port = port or free_port()
        self.log_path = self.work_dir / "spark-connect-server.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"sc://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        home = pyspark_home()
        confs = {
            **LOCAL_SPARK_CONF,
            "spark.connect.grpc.binding.address": "127.0.0.1",
            "spark.connect.grpc.binding.port": str(self.port),
            "spark.sql.warehouse.dir": str(self.work_dir / "warehouse"),
            "spark.local.dir": str(self.work_dir / "local"),
        }
        command = [str(home / "bin" / "spark-submit"), "--class", _SERVER_CLASS,
                   "--master", LOCAL_MASTER, "--driver-memory", "1g",
                   "--name", "sparkmigrate-test-connect-server"]
        for key, value in confs.items():
            command += ["--conf", f"{key}={value}"]
        return command + [str(connect_jar(home))]

    def start(self, timeout: float = 180.0) -> None:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            self._process = subprocess.Popen(
                self.command(), cwd=self.work_dir, env=spark_environment(),
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"Spark Connect server exited with {self._process.returncode}:\n"
                    + self.log_tail()
                )
            if self._accepts_connections():
                return
            time.sleep(0.25)
        self.stop()
        raise TimeoutError(f"Spark Connect server not ready after {timeout}s:\n{self.log_tail()}")

    def _accepts_connections(self) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.settimeout(0.5)
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self, grace: float = 20.0) -> None:
        """Stop the server and everything it started (its process group)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        group = os.getpgid(process.pid)
        os.killpg(group, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            process.wait()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no server log)"


class ExternalServer:
    """A server someone else runs (SPARKMIGRATE_TEST_REMOTE)."""

    def __init__(self, url: str) -> None:
        self.url = url


@pytest.fixture(scope="session")
def spark_connect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A running Spark Connect server shared by the whole test session; has ``.url``."""
    external = os.environ.get("SPARKMIGRATE_TEST_REMOTE")
    if external:
        yield ExternalServer(external)
        return
    server = SparkConnectServer(tmp_path_factory.mktemp("spark-connect-server"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
