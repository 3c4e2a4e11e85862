"""Call-site attribution: frames of the shim, pyspark, py4j and the standard library are
skipped; the first user frame (including third-party packages) is the one reported.
"""

from __future__ import annotations

import inspect
import json
import os
import string

import py4j
import pyspark
import pytest

import sparkmigrate_runtime
from sparkmigrate_runtime.callsite import is_internal_file
from support import records


@pytest.mark.parametrize("path", [
    sparkmigrate_runtime.__file__,
    pyspark.__file__,
    os.path.join(os.path.dirname(pyspark.__file__), "sql", "connect", "session.py"),
    py4j.__file__,
    json.__file__,
    "<frozen runpy>",
])
def test_library_and_stdlib_frames_are_internal(path):
    assert is_internal_file(path)


@pytest.mark.parametrize("path", [
    __file__,
    pytest.__file__,  # third-party code in site-packages is somebody's call site
    "<stdin>",
    "<string>",
    "/home/someone/jobs/etl.py",
])
def test_user_and_third_party_frames_are_not(path):
    assert not is_internal_file(path)


def test_call_through_the_standard_library_is_attributed_to_the_caller(install):
    spark = install("shim")
    line = inspect.currentframe().f_lineno + 1
    rendered = string.Formatter().format("{0.sparkContext}", spark)  # getattr in string.py
    assert "SparkContext facade" in rendered
    [record] = records("SparkSession.sparkContext")
    assert (record["file"], record["line"]) == (__file__, line)
