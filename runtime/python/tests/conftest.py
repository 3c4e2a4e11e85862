"""Shared fixtures: one Spark Connect server for the whole session (from spark_server.py),
a Connect SparkSession on it created the way user code does, and the runtime installed on
that session in a chosen mode, uninstalled and its records cleared after each test.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest

import sparkmigrate_runtime
from spark_server import spark_connect_server  # noqa: F401  (the session-scoped fixture)


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
