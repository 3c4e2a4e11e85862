"""Errors the runtime raises, shaped like the errors Spark Connect raises itself.

Code that already catches Connect's errors keeps working: every error here is an instance of
the PySpark class Connect would have raised (``PySparkAttributeError``,
``PySparkNotImplementedError``, ``PySparkRuntimeError``) with the same error class and
message parameters, plus the mixin :class:`SparkMigrateError` that carries the rule code.
The rendered message is Connect's own message followed by one line naming the rule code,
why the call is not routed, and the suggested rewrite.
"""

from __future__ import annotations

from pyspark.errors import (
    PySparkAttributeError,
    PySparkException,
    PySparkNotImplementedError,
    PySparkRuntimeError,
)

from .rules import rule_for


class SparkMigrateError(Exception):
    """Mixin of every error raised by sparkmigrate-runtime; ``code`` is the rule code."""

    code: str = ""
    api: str = ""


class SparkMigrateWarning(UserWarning):
    """A call was routed, but part of it has no effect under Spark Connect."""


class ShimAttributeError(PySparkAttributeError, SparkMigrateError):
    """An attribute that has no Spark Connect equivalent (also an ``AttributeError``)."""


class ShimNotImplementedError(PySparkNotImplementedError, SparkMigrateError):
    """A call that has no faithful Spark Connect equivalent (also a ``NotImplementedError``)."""


class ShimRuntimeError(PySparkRuntimeError, SparkMigrateError):
    """A runtime error, e.g. creating a SparkContext (also a ``RuntimeError``)."""


class NoFaithfulEquivalent(Exception):
    """Raised by shim code to say "this call cannot be routed faithfully"; never escapes.

    The dispatcher turns it into a :class:`ShimNotImplementedError` (or, with
    ``attribute=True``, a :class:`ShimAttributeError`) carrying the rule code.
    """

    def __init__(self, reason: str | None = None, *, attribute: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.attribute = attribute


_SHIM_CLASSES: dict[type[PySparkException], type[PySparkException]] = {
    PySparkAttributeError: ShimAttributeError,
    PySparkNotImplementedError: ShimNotImplementedError,
    PySparkRuntimeError: ShimRuntimeError,
}


def connect_error(api: str, *, attribute: bool = False) -> PySparkException:
    """The error Spark Connect raises for ``api`` (built without touching Spark)."""
    rule = rule_for(api)
    member = api.split(".", 1)[1]
    if rule.connect_error is not None:
        kind, parameter = rule.connect_error
    elif attribute:
        jvm_handle = member in ("_jsc", "_jvm", "_gateway", "_jconf")
        kind, parameter = ("jvm_attribute" if jvm_handle else "attribute"), member
    else:
        kind, parameter = "not_implemented", api
    if kind == "jvm_attribute":
        return PySparkAttributeError(
            errorClass="JVM_ATTRIBUTE_NOT_SUPPORTED", messageParameters={"attr_name": parameter}
        )
    if kind == "attribute":
        return PySparkAttributeError(
            errorClass="ATTRIBUTE_NOT_SUPPORTED", messageParameters={"attr_name": parameter}
        )
    if kind == "context_unavailable":
        return PySparkRuntimeError(
            errorClass="CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT", messageParameters={}
        )
    return PySparkNotImplementedError(
        errorClass="NOT_IMPLEMENTED", messageParameters={"feature": parameter}
    )


def _extend(original: PySparkException, api: str, note: str) -> SparkMigrateError:
    shim_class = _SHIM_CLASSES[type(original)]
    error = shim_class(
        message=f"{original._message}\n{note}",
        errorClass=original.getCondition(),
        messageParameters=original.getMessageParameters(),
    )
    error.code = rule_for(api).code
    error.api = api
    return error  # type: ignore[return-value]


def unfaithful_error(
    api: str, reason: str | None = None, *, attribute: bool = False
) -> SparkMigrateError:
    """Shim mode: ``api`` has no faithful Connect equivalent, so the call is refused."""
    rule = rule_for(api)
    why = reason or rule.reason or "no faithful Spark Connect equivalent"
    note = (
        f"[{rule.code}] sparkmigrate-runtime cannot route {api} to Spark Connect: {why}. "
        f"Suggested rewrite: {rule.rewrite}"
    )
    return _extend(connect_error(api, attribute=attribute), api, note)


def strict_error(api: str) -> SparkMigrateError:
    """Strict mode: the first incompatible call stops the program."""
    rule = rule_for(api)
    note = (
        f"[{rule.code}] sparkmigrate-runtime (strict mode): {api} is not supported by "
        f"Spark Connect. Suggested rewrite: {rule.rewrite}"
    )
    return _extend(connect_error(api), api, note)
