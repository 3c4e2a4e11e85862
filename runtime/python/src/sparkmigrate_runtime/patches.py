"""Class-level hooks that send Spark Connect calls through the runtime.

Hooked: ``SparkSession.sparkContext``, ``_sc`` and ``createDataFrame`` (Connect),
``DataFrame.rdd``, ``toJSON``, ``sql_ctx`` and ``_sc`` (Connect), ``SparkContext(...)`` and
``SparkContext.getOrCreate`` (classic class, which refuses to exist under Connect), and
``SQLContext(...)``/``HiveContext(...)``/``getOrCreate`` when handed a SparkContext facade.
Classic members that Connect lacks and the shim cannot give (the Py4J handles ``_jsc``,
``_jvm``, ``_jdf``, ..., ``spark.newSession``, ``df.sqlContext``) keep Connect's error, with
the rule code and the rewrite added.

The hooks are installed once per process and never removed (CPython cannot cleanly restore
a class's ``__new__``). Each one checks the runtime state and falls through to pyspark's
own behaviour for classic Spark and for Connect sessions that are not shimmed.
"""

from __future__ import annotations

import functools
import inspect
import os
import threading
from dataclasses import dataclass
from typing import Any, Callable

from pyspark.errors import PySparkRuntimeError
from pyspark.sql.connect import functions as F

from .callsite import warn_at_call_site
from .context import ConnectSparkContext, context_for
from .errors import NoFaithfulEquivalent, SparkMigrateWarning
from .rdd import ConnectRDD, to_dataframe
from .runtime import STATE, applies_to, dispatch
from .sqlcontext import context_of, dataframe_context, is_facade, new_context

_installed = False
_install_lock = threading.Lock()


def ensure_installed() -> None:
    """Install every hook (idempotent)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        _hook_connect_session()
        _hook_connect_dataframe()
        _hook_spark_context()
        _hook_sql_context()
        _installed = True


def _hook_attribute(cls: type, name: str, route: Callable[[Any, Callable[[], Any]], Any]):
    """Send ``instance.name`` to ``route(instance, original)``.

    ``original()`` performs the lookup as pyspark would. Members that pyspark defines are
    replaced by a property; members it leaves to ``__getattr__`` (e.g. Connect's
    ``sparkContext``) are routed inside a wrapped ``__getattr__``, so that an AttributeError
    raised by the runtime is not swallowed by a second ``__getattr__`` lookup.
    """
    descriptor = cls.__dict__.get(name)
    if descriptor is not None:
        def from_descriptor(instance: Any) -> Any:
            return route(instance, lambda: descriptor.__get__(instance, cls))

        setattr(cls, name, property(from_descriptor))
        return
    fallback = cls.__dict__["__getattr__"]

    def __getattr__(instance: Any, attribute: str) -> Any:
        if attribute == name:
            return route(instance, lambda: fallback(instance, attribute))
        return fallback(instance, attribute)

    cls.__getattr__ = __getattr__


def _no_attribute() -> Any:
    raise NoFaithfulEquivalent(attribute=True)


def _refused(api: str, session_of: Callable[[Any], Any]) -> Callable[..., Any]:
    """A route for a classic member that Connect lacks and the shim cannot give: the
    Connect error, annotated with the rule code and rewrite (recorded as ``api``)."""

    def route(instance: Any, original: Callable[[], Any]) -> Any:
        if not applies_to(session_of(instance)):
            return original()
        return dispatch(api, _no_attribute, original)

    return route


# Py4J handles of a Connect session (Connect raises JVM_ATTRIBUTE_NOT_SUPPORTED for each).
_SESSION_JVM_MEMBERS = ("_jsc", "_jsparkSession", "_jconf", "_jvm", "newSession")
# Py4J handles of a Connect DataFrame.
_DATAFRAME_JVM_MEMBERS = ("_jdf", "_jseq", "_jmap", "_jcols")


def _hook_connect_session() -> None:
    from pyspark.sql.connect.session import SparkSession as ConnectSession

    def spark_context(session: Any, original: Callable[[], Any]) -> Any:
        if not applies_to(session):
            return original()
        return dispatch("SparkSession.sparkContext", lambda: context_for(session), original)

    _hook_attribute(ConnectSession, "sparkContext", spark_context)

    def private_context(session: Any, original: Callable[[], Any]) -> Any:
        if not applies_to(session):
            return original()
        return dispatch("SparkSession._sc", lambda: context_for(session), original)

    _hook_attribute(ConnectSession, "_sc", private_context)
    for name in _SESSION_JVM_MEMBERS:
        _hook_attribute(ConnectSession, name, _refused(f"SparkSession.{name}", _itself))

    original_create = ConnectSession.createDataFrame
    signature = inspect.signature(original_create)

    @functools.wraps(original_create)
    def createDataFrame(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            arguments = signature.bind(self, *args, **kwargs).arguments
        except TypeError:
            return original_create(self, *args, **kwargs)
        data = arguments.get("data")
        if not isinstance(data, ConnectRDD):
            return original_create(self, *args, **kwargs)
        verify = arguments.get("verifySchema")
        return dispatch(
            "SparkSession.createDataFrame",
            lambda: to_dataframe(
                data, arguments.get("schema"), arguments.get("samplingRatio"),
                True if verify is None else bool(verify),
            ),
        )

    ConnectSession.createDataFrame = createDataFrame


def _json_rdd(df: Any, use_unicode: bool) -> ConnectRDD:
    """``df.toJSON()``: one JSON string per row, as classic Dataset.toJSON writes it."""
    document = F.to_json(F.struct(F.col("*")))
    if not use_unicode:
        document = F.encode(document, "UTF-8")
    return ConnectRDD.of_column(df.select(document.alias("value")), "value", plain=use_unicode)


def _hook_connect_dataframe() -> None:
    from pyspark.sql.connect.dataframe import DataFrame as ConnectDataFrame

    def rdd(df: Any, original: Callable[[], Any]) -> Any:
        if not applies_to(df._session):
            return original()
        return dispatch("DataFrame.rdd", lambda: ConnectRDD.of_rows(df), original)

    def to_json(df: Any, original: Callable[[], Any]) -> Any:
        def call(use_unicode: bool = True) -> Any:
            if not applies_to(df._session):
                return original()(use_unicode)
            return dispatch("DataFrame.toJSON", lambda: _json_rdd(df, use_unicode),
                            lambda: original()(use_unicode))

        return call

    def sql_ctx(df: Any, original: Callable[[], Any]) -> Any:
        if not applies_to(df._session):
            return original()
        return dispatch("DataFrame.sql_ctx",
                        lambda: dataframe_context(context_for(df._session)), original)

    def private_context(df: Any, original: Callable[[], Any]) -> Any:
        if not applies_to(df._session):
            return original()
        return dispatch("DataFrame._sc", lambda: context_for(df._session), original)

    refuse_sql_context = _refused("DataFrame.sqlContext", _session_of)

    def sql_context(df: Any, original: Callable[[], Any]) -> Any:
        """Not a classic DataFrame attribute either: a column of that name, or refused."""
        if applies_to(df._session):
            try:
                return original()
            except AttributeError:
                pass
        return refuse_sql_context(df, original)

    _hook_attribute(ConnectDataFrame, "rdd", rdd)
    _hook_attribute(ConnectDataFrame, "toJSON", to_json)
    _hook_attribute(ConnectDataFrame, "sql_ctx", sql_ctx)
    _hook_attribute(ConnectDataFrame, "_sc", private_context)
    _hook_attribute(ConnectDataFrame, "sqlContext", sql_context)
    for name in _DATAFRAME_JVM_MEMBERS:
        _hook_attribute(ConnectDataFrame, name, _refused(f"DataFrame.{name}", _session_of))


def _itself(session: Any) -> Any:
    return session


def _session_of(df: Any) -> Any:
    return df._session


# --- SparkContext(...) and SparkContext.getOrCreate() -----------------------------------------

@dataclass(frozen=True)
class _Target:
    """The Connect session a SparkContext call stands for: an existing one or a URL."""

    session: Any = None
    url: str | None = None


def _connect_target(conf: Any) -> _Target | None:
    """The shimmed Connect session behind a SparkContext call, or None to leave it alone."""
    from pyspark.sql.connect.session import SparkSession as ConnectSession

    session = ConnectSession.getActiveSession() or getattr(
        ConnectSession, "_default_session", None)
    if session is not None:
        return _Target(session=session) if applies_to(session) else None
    if STATE.mode is None or not STATE.all_sessions:
        return None
    url = (conf.get("spark.remote") if conf is not None else None) or os.environ.get(
        "SPARK_REMOTE"
    )
    return _Target(url=url) if url else None


def _classic_context_error() -> PySparkRuntimeError | None:
    """The error pyspark's SparkContext.__init__ raises in a Connect client, if it would."""
    if "SPARK_CONNECT_MODE_ENABLED" in os.environ and "SPARK_LOCAL_REMOTE" not in os.environ:
        return PySparkRuntimeError(
            errorClass="CONTEXT_UNAVAILABLE_FOR_REMOTE_CLIENT", messageParameters={}
        )
    return None


def _requested_settings(arguments: dict[str, Any]) -> dict[str, str]:
    """The configuration a ``SparkContext(...)`` call asks for (conf entries and appName)."""
    conf = arguments.get("conf")
    settings = dict(conf.getAll()) if conf is not None else {}
    if arguments.get("appName"):
        settings["spark.app.name"] = arguments["appName"]
    if arguments.get("master"):
        settings["spark.master"] = arguments["master"]
    return settings


def _create_session(url: str, arguments: dict[str, Any]) -> Any:
    """Start the Connect session a classic ``SparkContext(...)`` call asks for.

    Runtime SQL settings are applied (the Connect builder sets them on the session); the
    application name and master are ignored as by the Connect builder itself; everything
    else is server configuration and ignored with a warning. ``pyFiles`` are uploaded.
    """
    from pyspark.sql import SparkSession

    settings = _requested_settings(arguments)
    for key in ("spark.master", "spark.remote"):
        settings.pop(key, None)
    server_side = sorted(key for key in settings
                         if not key.startswith("spark.sql.") and key != "spark.app.name")
    if arguments.get("environment"):
        server_side.append("environment")
    if server_side:
        warn_at_call_site(
            "SparkContext settings " + ", ".join(server_side) + " are server-side under Spark "
            "Connect and were ignored; set them when starting the Connect server",
            SparkMigrateWarning,
        )
    builder = SparkSession.builder.remote(url)
    if settings:
        builder = builder.config(map=settings)
    session = builder.getOrCreate()
    for path in arguments.get("pyFiles") or []:
        context_for(session).addPyFile(path)
    return session


def _existing_context(session: Any, arguments: dict[str, Any]) -> Any:
    """``SparkContext(...)`` while a Connect session runs: that session's facade.

    Nothing of the call's configuration is applied to a running session (classic
    ``getOrCreate`` ignores it too); a warning names what was dropped.
    """
    dropped = sorted(_requested_settings(arguments))
    dropped += [name for name in ("pyFiles", "environment") if arguments.get(name)]
    if dropped:
        warn_at_call_site(
            "SparkContext settings " + ", ".join(dropped) + " were not applied: the Spark "
            "Connect session already exists",
            SparkMigrateWarning,
        )
    return context_for(session)


def _hook_spark_context() -> None:
    try:
        from pyspark.core.context import SparkContext
    except ImportError:  # pyspark-client: SparkContext cannot even be imported
        return

    init_signature = inspect.signature(SparkContext.__init__)
    original_get_or_create = SparkContext.getOrCreate.__func__

    def __new__(cls: type, *args: Any, **kwargs: Any) -> Any:
        try:
            arguments = init_signature.bind(None, *args, **kwargs).arguments
        except TypeError:
            return object.__new__(cls)
        target = _connect_target(arguments.get("conf"))
        if target is None:
            return object.__new__(cls)

        def shim() -> Any:
            if target.session is not None:
                return _existing_context(target.session, arguments)
            return context_for(_create_session(target.url, arguments))

        def original() -> Any:
            error = _classic_context_error()
            if error is not None:
                raise error
            return object.__new__(cls)

        return dispatch("SparkContext.__init__", shim, original)

    def getOrCreate(cls: type, conf: Any = None) -> Any:
        target = _connect_target(conf)
        if target is None:
            return original_get_or_create(cls, conf)

        def shim() -> Any:
            session = target.session or _create_session(target.url, {"conf": conf})
            return context_for(session)

        def original() -> Any:
            error = _classic_context_error()
            if error is not None:
                raise error
            return original_get_or_create(cls, conf)

        return dispatch("SparkContext.getOrCreate", shim, original)

    SparkContext.__new__ = staticmethod(__new__)
    SparkContext.getOrCreate = classmethod(getOrCreate)


# --- SQLContext(...) / HiveContext(...) ----------------------------------------------------------

def _hook_sql_context() -> None:
    from pyspark.sql.context import HiveContext, SQLContext

    original_get_or_create = SQLContext.getOrCreate.__func__

    def owner(cls: type) -> str:
        return "HiveContext" if issubclass(cls, HiveContext) else "SQLContext"

    def __new__(cls: type, sparkContext: Any = None, *args: Any, **kwargs: Any) -> Any:
        if isinstance(sparkContext, ConnectSparkContext) and not is_facade(cls):
            return dispatch(f"{owner(cls)}.__init__", lambda: new_context(cls, sparkContext))
        return object.__new__(cls)

    def getOrCreate(cls: type, sc: Any) -> Any:
        if isinstance(sc, ConnectSparkContext):
            return dispatch(f"{owner(cls)}.getOrCreate", lambda: context_of(cls, sc))
        return original_get_or_create(cls, sc)

    SQLContext.__new__ = staticmethod(__new__)
    SQLContext.getOrCreate = classmethod(getOrCreate)
