"""Shared fixtures: one Spark Connect server for the whole session (from spark_server.py),
a Connect SparkSession on it created the way user code does, the runtime installed on that
session in a chosen mode (undone after each test), and the classic-Spark reference run of
the legacy scripts, started in the background as soon as collection shows it is needed.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

import sparkmigrate_runtime
from legacy_runs import LegacyRun, classic_environment
from spark_server import spark_connect_server  # noqa: F401  (the session-scoped fixture)

_CLASSIC_RUN = pytest.StashKey[tuple[Path, LegacyRun]]()


def _start_classic_run(config: pytest.Config) -> LegacyRun:
    workspace = Path(tempfile.mkdtemp(prefix="sparkmigrate-classic-"))
    run = LegacyRun(classic_environment(), workspace)
    config.stash[_CLASSIC_RUN] = (workspace, run)
    return run


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if any(Path(str(item.fspath)).name == "test_legacy.py" for item in items):
        _start_classic_run(config)  # its JVM runs while the other tests use the server


def pytest_unconfigure(config: pytest.Config) -> None:
    started = config.stash.get(_CLASSIC_RUN, None)
    if started is not None:
        workspace, run = started
        run.stop()
        shutil.rmtree(workspace, ignore_errors=True)


@pytest.fixture(scope="session")
def classic_run(request: pytest.FixtureRequest) -> LegacyRun:
    started = request.config.stash.get(_CLASSIC_RUN, None)
    return started[1] if started is not None else _start_classic_run(request.config)


@pytest.fixture(scope="session")
def spark(spark_connect_server: Any) -> Iterator[Any]:  # noqa: F811
    from pyspark.sql import SparkSession

    session = SparkSession.builder.remote(spark_connect_server.url).getOrCreate()
    yield session
    session.stop()


@pytest.fixture
def install(spark: Any) -> Iterator[Callable[[str], Any]]:
    """``install(mode)`` shims the test session; undone (and records cleared) afterwards."""
    sparkmigrate_runtime.reset()

    def install_in(mode: str = "shim") -> Any:
        sparkmigrate_runtime.install(spark, mode=mode)
        return spark

    yield install_in
    sparkmigrate_runtime.uninstall()
    sparkmigrate_runtime.reset()
    spark.clearTags()


@pytest.fixture
def sc(install: Callable[[str], Any]) -> Any:
    """The SparkContext facade of the test session in shim mode."""
    return install("shim").sparkContext
