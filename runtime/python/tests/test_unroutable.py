"""No classic API falls through to a bare Spark Connect error: every public member of the
installed pyspark's classic ``RDD`` and ``SparkContext`` is either routed by the facades or
refused with an error naming its rule code and the suggested rewrite, and so are the classic
members of a shimmed Connect ``SparkSession`` and ``DataFrame`` that the rules know about.
"""

from __future__ import annotations

import re

import pytest
from pyspark.core.context import SparkContext as ClassicSparkContext
from pyspark.core.rdd import RDD as ClassicRDD
from pyspark.errors import PySparkAttributeError

from sparkmigrate_runtime.errors import SparkMigrateError
from sparkmigrate_runtime.rules import rule_for
from support import records

ANNOTATION = re.compile(
    r"\n\[(SPK\d{3})\] sparkmigrate-runtime cannot route (\S+) to Spark Connect: (.+)\. "
    r"Suggested rewrite: (.+)$"
)


def public_members(cls: type) -> list[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


# Facade members that are not recorded: rdd.context is the SparkContext facade, recorded
# where it is used.
UNRECORDED = {"context"}


def is_routed(facade_class: type, name: str) -> bool:
    """A member the facade itself defines, recorded, and whose rule has no refusal reason."""
    if name in UNRECORDED:
        return True
    member = facade_class.__dict__.get(name)
    if isinstance(member, property):
        member = member.fget
    return hasattr(member, "__wrapped__") and rule_for(
        f"{facade_class.__name__.replace('Connect', '')}.{name}").reason is None


def refusal(target: object, name: str) -> SparkMigrateError:
    """The error of using ``target.name`` (looked up, then called if it is callable)."""
    try:
        member = getattr(target, name)
        if callable(member):
            member()
    except SparkMigrateError as error:
        return error
    raise AssertionError(f"{name} neither routed nor refused")


def check_refusal(error: SparkMigrateError, api: str) -> None:
    rule = rule_for(api)
    assert isinstance(error, (AttributeError, NotImplementedError))
    assert (error.code, error.api) == (rule.code, api)
    found = ANNOTATION.search(str(error))
    assert found, str(error)
    assert found.group(1) == rule.code and found.group(2) == api
    assert found.group(4) == rule.rewrite


@pytest.mark.parametrize(("classic", "facade_of", "prefix"), [
    (ClassicRDD, lambda sc: sc.parallelize([1, 2, 3], 2), "RDD"),
    (ClassicSparkContext, lambda sc: sc, "SparkContext"),
])
def test_every_classic_member_is_routed_or_refused_with_its_rule(sc, classic, facade_of, prefix):
    facade = facade_of(sc)
    routed, refused = [], []
    for name in public_members(classic):
        api = f"{prefix}.{name}"
        if is_routed(type(facade), name):
            routed.append(name)
            continue
        check_refusal(refusal(facade, name), api)
        refused.append(name)
    assert {"map", "sample", "takeSample", "parallelize", "getOrCreate"} & set(routed)
    assert {"pipe", "accumulator", "sequenceFile"} & set(refused)
    raised = {r["api"] for r in records() if r["outcome"] == "raised"}
    assert raised == {f"{prefix}.{name}" for name in refused}
    assert {r["code"] for r in records() if r["outcome"] == "raised"} <= {
        "SPK107", "SPK109", "SPK113", "SPK114", "SPK116", "SPK117", "SPK120", "SPK201",
        "SPK306"}


def test_refusals_keep_connects_error(sc):
    rdd = sc.parallelize([1, 2], 2)
    with pytest.raises(PySparkAttributeError) as caught:
        rdd.pipe("cat")
    assert caught.value.getCondition() == "ATTRIBUTE_NOT_SUPPORTED"
    assert str(caught.value).startswith("[ATTRIBUTE_NOT_SUPPORTED] Attribute `pipe`")
    assert not hasattr(rdd, "treeAggregate") and not hasattr(sc, "setInterruptOnCancel")


SESSION_MEMBERS = [("_jsc", "SPK002"), ("_jsparkSession", "SPK002"), ("_jconf", "SPK002"),
                   ("_jvm", "SPK201"), ("newSession", "SPK004")]
DATAFRAME_MEMBERS = [("_jdf", "SPK203"), ("_jseq", "SPK203"), ("_jmap", "SPK203"),
                     ("_jcols", "SPK203")]


@pytest.mark.parametrize(("owner", "name", "code"),
                         [("SparkSession", *m) for m in SESSION_MEMBERS]
                         + [("DataFrame", *m) for m in DATAFRAME_MEMBERS])
def test_jvm_handles_of_a_shimmed_session_name_their_rule(install, spark, owner, name, code):
    install("shim")
    target = spark if owner == "SparkSession" else spark.range(1)
    with pytest.raises(PySparkAttributeError) as caught:
        getattr(target, name)
    error = caught.value
    assert isinstance(error, SparkMigrateError) and error.code == code
    assert error.getCondition() == "JVM_ATTRIBUTE_NOT_SUPPORTED"
    assert str(error).startswith(f"[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `{name}` is not "
                                 "supported in Spark Connect as it depends on the JVM.")
    check_refusal(error, f"{owner}.{name}")
    assert not hasattr(target, name)
    assert {(r["api"], r["code"], r["outcome"]) for r in records()} == {
        (f"{owner}.{name}", code, "raised")}


def test_jvm_handles_in_record_mode_and_unshimmed_are_connects_own(install, spark):
    install("record")
    with pytest.raises(PySparkAttributeError) as recorded:
        spark._jsc
    assert not isinstance(recorded.value, SparkMigrateError)
    assert [(r["api"], r["outcome"]) for r in records()] == [("SparkSession._jsc", "raised")]

    import sparkmigrate_runtime

    sparkmigrate_runtime.uninstall()
    with pytest.raises(PySparkAttributeError) as plain:
        spark.range(1)._jdf
    assert not isinstance(plain.value, SparkMigrateError)
    assert [r["api"] for r in records()] == ["SparkSession._jsc"]
